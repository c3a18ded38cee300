import { failIf } from '@mailyard/core/errors';
import type { SetPrimaryAddressInput } from '@mailyard/core/addresses';
import { canSetPrimaryAddress } from '@mailyard/core/users';
import { inTransaction, type Db } from '@mailyard/db';
import { findAddress, setPrimaryAddress, type AddressOrigin } from '@mailyard/db/queries/addresses';
import { updateUser } from '@mailyard/db/queries/users';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { assertOrganizationDomain, claimAddress } from '../addresses/claim.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/access.ts';
import { addressOrigin, requireUser, userFacts, userTarget } from './access.ts';

/**
 * Makes `address` the user's primary address, in the caller's transaction (WorkMail's UpdatePrimaryEmailAddress):
 * an alias of the user swaps places with the primary; a new address is claimed and the old primary becomes an
 * alias. A user without a primary yet (being enabled) just gets it. Returns whether anything changed.
 */
export async function changePrimaryAddress(
  tx: Db,
  organizationId: string,
  user: { id: string; email: string | null },
  address: string,
  o: { field: string; origin: AddressOrigin; now: Date },
): Promise<boolean> {
  if (address === user.email) return false;
  // Without a primary a user has no address at all (aliases need one), so only a user with one can hold it already.
  const holder = user.email === null ? null : await findAddress(tx, address);
  if (holder?.organizationId === organizationId && holder.entityId === user.id) {
    await assertOrganizationDomain(tx, organizationId, address, o.field);
  } else {
    // Claimed as an alias when it will push the old primary into the aliases: the alias limit then applies.
    const claim = { organizationId, entityId: user.id, entityType: 'USER', address, isPrimary: user.email === null, origin: o.origin, field: o.field } as const;
    await claimAddress(tx, claim, o.now);
  }
  if (user.email !== null) await setPrimaryAddress(tx, { organizationId, entityId: user.id, address });
  await updateUser(tx, organizationId, user.id, { email: address, updatedAt: o.now });
  return true;
}

/** The console's "Primary email address" box and WorkMail's UpdatePrimaryEmailAddress. */
export async function setUserPrimaryAddress(deps: Deps, actor: OperatorActor, input: SetPrimaryAddressInput): Promise<void> {
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const user = await requireUser(tx, org.id, input.entityId, { lock: true, field: 'entityId' });
    failIf(canSetPrimaryAddress(userFacts(user)));
    const changed = await changePrimaryAddress(tx, org.id, user, input.address, { field: 'address', origin: addressOrigin(actor), now });
    if (!changed) return;
    await recordAudit(
      tx,
      actor,
      { action: 'user.primary_address_set', organizationId: org.id, target: userTarget(user), before: { email: user.email }, after: { email: input.address } },
      now,
    );
  });
}
