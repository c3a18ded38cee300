import { failIf } from '@mailyard/core/errors';
import { selfServiceAliasRemovalRefusal, type RemoveOwnAliasInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import type { Deps } from '../../deps.ts';
import type { UserActor } from '../actor.ts';
import { heldBy, takeAlias } from '../addresses/remove-alias.ts';
import { lockOwnAddressHolder } from './account.ts';
import { selfServiceAliasRules } from './aliases-list.ts';

/** The user drops one of their aliases. Never the primary; another entity's address is "not yours", never named. */
export async function removeMyAlias(deps: Deps, actor: UserActor, input: RemoveOwnAliasInput): Promise<{ address: string }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const holder = await lockOwnAddressHolder(tx, actor);
    const { policy } = await selfServiceAliasRules(tx, actor);
    failIf(selfServiceAliasRemovalRefusal(policy, await heldBy(tx, holder, input.address)));
    await takeAlias(tx, actor, holder, input.address, now);
    return { address: input.address };
  });
}
