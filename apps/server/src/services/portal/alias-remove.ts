import { failIf } from '@mailyard/core/errors';
import { selfServiceAliasRemovalRefusal, type RemoveOwnAliasInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { deleteAddress, findAddress } from '@mailyard/db/queries/addresses';
import type { Deps } from '../../deps.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { lockOwnAccount } from './account.ts';
import { selfServiceAliasRules } from './aliases-list.ts';
import { userTarget } from './session.ts';

/** The user drops one of their aliases. Never the primary; another entity's address is "not yours", never named. */
export async function removeMyAlias(deps: Deps, actor: UserActor, input: RemoveOwnAliasInput): Promise<{ address: string }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    await lockOwnAccount(tx, actor);
    const { policy } = await selfServiceAliasRules(tx, actor);
    const held = await findAddress(tx, input.address);
    const own = held && held.organizationId === actor.organizationId && held.entityId === actor.userId ? held : null;
    failIf(selfServiceAliasRemovalRefusal(policy, own));
    await deleteAddress(tx, { organizationId: actor.organizationId, entityId: actor.userId, address: input.address });
    await recordAudit(tx, actor, { action: 'user.alias_remove', target: userTarget(actor), before: { alias: input.address } }, now);
    return { address: input.address };
  });
}
