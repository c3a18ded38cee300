import { addressProblems, checkSelfServiceAlias, joinAddress } from '@mailyard/core/addresses';
import { fail, failIf } from '@mailyard/core/errors';
import type { AddOwnAliasInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { countEntityAliases } from '@mailyard/db/queries/addresses';
import type { Deps } from '../../deps.ts';
import type { UserActor } from '../actor.ts';
import { claimAddress } from '../addresses/claim.ts';
import { recordAudit } from '../audit.ts';
import { lockOwnAccount } from './account.ts';
import { selfServiceAliasRules } from './aliases-list.ts';
import { userTarget } from './session.ts';

/**
 * The user gives themselves an alias within the organization's self-service policy. It is an address like any
 * other (the same row the console and /aws see), so it is unique across the whole system. The user row is
 * locked, so two racing adds cannot both squeeze under the per-user limit.
 */
export async function addMyAlias(deps: Deps, actor: UserActor, input: AddOwnAliasInput): Promise<{ address: string }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    await lockOwnAccount(tx, actor);
    const { policy, domains } = await selfServiceAliasRules(tx, actor);
    const currentAliasCount = await countEntityAliases(tx, actor.organizationId, actor.userId);
    failIf(checkSelfServiceAlias(policy, { localPart: input.localPart, domain: input.domain, currentAliasCount, organizationDomains: domains }));
    const address = joinAddress(input.localPart, input.domain);
    // Each part is valid on its own; together they may still exceed the 254-character limit.
    const problems = addressProblems(address);
    if (problems.length > 0) fail('ADDRESS.INVALID', problems.join(' '), { field: 'localPart' });
    await claimAddress(
      tx,
      { organizationId: actor.organizationId, entityId: actor.userId, entityType: 'USER', address, isPrimary: false, origin: 'self_service', field: 'localPart' },
      now,
    );
    await recordAudit(tx, actor, { action: 'user.alias_add', target: userTarget(actor), after: { alias: address } }, now);
    return { address };
  });
}
