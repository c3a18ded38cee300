import { checkSelfServiceAlias } from '@mailyard/core/addresses';
import { failIf } from '@mailyard/core/errors';
import type { AddOwnAliasInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { countEntityAliases } from '@mailyard/db/queries/addresses';
import type { Deps } from '../../deps.ts';
import type { UserActor } from '../actor.ts';
import { aliasAddress, giveAlias } from '../addresses/add-alias.ts';
import { lockOwnAddressHolder } from './account.ts';
import { selfServiceAliasRules } from './aliases-list.ts';

/**
 * The user gives themselves an alias within the organization's self-service policy. It is an address like any
 * other (the same row the console and /aws see), so it is unique across the whole system. The user row is
 * locked, so two racing adds cannot both squeeze under the per-user limit.
 */
export async function addMyAlias(deps: Deps, actor: UserActor, input: AddOwnAliasInput): Promise<{ address: string }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const holder = await lockOwnAddressHolder(tx, actor);
    const { policy, domains } = await selfServiceAliasRules(tx, actor);
    const currentAliasCount = await countEntityAliases(tx, actor.organizationId, actor.userId);
    failIf(checkSelfServiceAlias(policy, { localPart: input.localPart, domain: input.domain, currentAliasCount, organizationDomains: domains }));
    const address = aliasAddress(input.localPart, input.domain);
    await giveAlias(tx, actor, holder, address, now);
    return { address };
  });
}
