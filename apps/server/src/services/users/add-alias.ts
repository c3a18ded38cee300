import { addressProblems, joinAddress, type AddAliasInput } from '@mailyard/core/addresses';
import { fail, failIf } from '@mailyard/core/errors';
import { canChangeAddresses } from '@mailyard/core/users';
import { inTransaction } from '@mailyard/db';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { assertOrganizationDomain, claimAddress } from '../addresses/claim.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/access.ts';
import { addressOrigin, requireUser, userFacts, userTarget } from './access.ts';

/** "Add alias": a local part and one of the organization's domains (WorkMail's CreateAlias, at most 100). */
export async function addAlias(deps: Deps, actor: OperatorActor, input: AddAliasInput): Promise<{ address: string }> {
  const address = joinAddress(input.localPart, input.domain);
  // Each part is valid on its own (the schema); together they may still exceed the 254-character limit.
  const problems = addressProblems(address);
  if (problems.length > 0) fail('ADDRESS.INVALID', problems.join(' '), { field: 'localPart' });
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const user = await requireUser(tx, org.id, input.entityId, { lock: true, field: 'entityId' });
    failIf(canChangeAddresses(userFacts(user)));
    await assertOrganizationDomain(tx, org.id, address, 'domain');
    const claim = { organizationId: org.id, entityId: user.id, entityType: 'USER', address, isPrimary: false, origin: addressOrigin(actor), field: 'localPart' } as const;
    await claimAddress(tx, claim, now);
    await recordAudit(tx, actor, { action: 'user.alias_add', organizationId: org.id, target: userTarget(user), after: { alias: address } }, now);
  });
  return { address };
}
