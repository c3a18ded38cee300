import type { AddressOrigin, SetPrimaryAddressInput } from '@mailyard/core/addresses';
import type { MemberType } from '@mailyard/core/entities';
import { resourceIdOf } from '@mailyard/core/resources';
import { failIf } from '@mailyard/core/errors';
import { inTransaction, type Db } from '@mailyard/db';
import { deleteAddress, setPrimaryAddress as markPrimary, type EntityType } from '@mailyard/db/queries/addresses';
import { updateGroup } from '@mailyard/db/queries/groups';
import { updateResource } from '@mailyard/db/queries/resources';
import { updateUser } from '@mailyard/db/queries/users';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { addressOrigin, claimAddressUnlessHeld } from './claim.ts';
import { primaryChangeRefusal, requireAddressHolder } from './holder.ts';

/**
 * Makes `address` the entity's primary address, in the caller's transaction (WorkMail's UpdatePrimaryEmailAddress,
 * and what enabling does): an alias of the entity swaps places with the primary; a new address is claimed and the
 * old primary becomes an alias — or is freed, with `freeOld` (a group or resource enabled again with another
 * address). An entity without a primary yet (being enabled) just gets it. Returns whether anything changed.
 */
export async function changePrimaryAddress(
  tx: Db,
  entity: { organizationId: string; type: EntityType; id: string; email: string | null },
  address: string,
  o: { field: string; origin: AddressOrigin; now: Date; freeOld?: boolean },
): Promise<boolean> {
  const { organizationId, id, email } = entity;
  if (address === email) return false;
  // Claimed as an alias when it will push the old primary into the aliases: the alias limit then applies.
  const isPrimary = email === null || o.freeOld === true;
  await claimAddressUnlessHeld(tx, { organizationId, entityId: id, entityType: entity.type, address, isPrimary, origin: o.origin, field: o.field }, o.now);
  if (email !== null && o.freeOld) await deleteAddress(tx, { organizationId, entityId: id, address: email });
  if (email !== null) await markPrimary(tx, { organizationId, entityId: id, address });
  if (entity.type === 'USER') await updateUser(tx, organizationId, id, { email: address, updatedAt: o.now });
  else if (entity.type === 'GROUP') await updateGroup(tx, organizationId, id, { primaryEmail: address, updatedAt: o.now });
  else await updateResource(tx, organizationId, resourceIdOf(id), { primaryEmail: address, updatedAt: o.now });
  return true;
}

/** The console's "Primary email address" box and WorkMail's UpdatePrimaryEmailAddress, for a user or group. */
export async function setPrimaryAddress(deps: Deps, actor: OperatorActor, input: SetPrimaryAddressInput, kinds: readonly MemberType[]): Promise<void> {
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const holder = await requireAddressHolder(tx, org.id, input.entityId, { kinds, lock: true });
    failIf(primaryChangeRefusal(holder));
    const changed = await changePrimaryAddress(tx, holder, input.address, { field: 'address', origin: addressOrigin(actor), now });
    if (!changed) return;
    await recordAudit(
      tx,
      actor,
      {
        action: `${holder.target.type}.primary_address_set`,
        organizationId: org.id,
        target: holder.target,
        before: { email: holder.email },
        after: { email: input.address },
      },
      now,
    );
  });
}
