import { addressProblems, joinAddress, type AddAliasInput } from '@mailyard/core/addresses';
import type { MemberType } from '@mailyard/core/entities';
import { fail, failIf } from '@mailyard/core/errors';
import { inTransaction, type Db } from '@mailyard/db';
import type { Deps } from '../../deps.ts';
import type { Actor, OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { addressOrigin, assertOrganizationDomain, claimAddress } from './claim.ts';
import { aliasChangeRefusal, requireAddressHolder, type AddressHolder } from './holder.ts';

/** The alias a local part and a domain make. Each part is valid on its own (the schemas); together they may still exceed 254 characters. */
export function aliasAddress(localPart: string, domain: string): string {
  const address = joinAddress(localPart, domain);
  const problems = addressProblems(address);
  if (problems.length > 0) fail('ADDRESS.INVALID', problems.join(' '), { field: 'localPart' });
  return address;
}

/**
 * Gives the holder an alias, in the caller's transaction, and records it: the one path of every alias, from the
 * console, /aws or the portal, so each is the same address row, unique across the whole system.
 */
export async function giveAlias(tx: Db, actor: Actor, holder: AddressHolder, address: string, now: Date): Promise<void> {
  const { organizationId } = holder;
  const claim = { organizationId, entityId: holder.id, entityType: holder.type, address, isPrimary: false, origin: addressOrigin(actor), field: 'localPart' };
  await claimAddress(tx, claim, now);
  await recordAudit(tx, actor, { action: `${holder.target.type}.alias_add`, organizationId, target: holder.target, after: { alias: address } }, now);
}

/** "Add alias" of a user or group: a local part and one of the organization's domains (WorkMail's CreateAlias, at most 100). */
export async function addAlias(deps: Deps, actor: OperatorActor, input: AddAliasInput, kinds: readonly MemberType[]): Promise<{ address: string }> {
  const address = aliasAddress(input.localPart, input.domain);
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const holder = await requireAddressHolder(tx, org.id, input.entityId, { kinds, lock: true });
    failIf(aliasChangeRefusal(holder));
    // The domain is checked first so its refusal names the domain box, not the local part.
    await assertOrganizationDomain(tx, org.id, address, 'domain');
    await giveAlias(tx, actor, holder, address, now);
  });
  return { address };
}
