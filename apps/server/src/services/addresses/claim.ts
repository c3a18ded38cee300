import { MAX_ALIASES_PER_ENTITY, splitAddress } from '@mailyard/core/addresses';
import { fail } from '@mailyard/core/errors';
import { violatedUniqueConstraint, type Db } from '@mailyard/db';
import { countEntityAliases, findAddress, insertAddress, type AddressOrigin, type EntityType } from '@mailyard/db/queries/addresses';
import { findMailDomain } from '@mailyard/db/queries/mail-domains';
import type { Actor } from '../actor.ts';

/**
 * Where an address came from, kept with it: the console, a script (API token or the WorkMail API's access key),
 * the user in the portal, or the system itself.
 */
export function addressOrigin(actor: Actor): AddressOrigin {
  if (actor.type === 'system') return 'system';
  if (actor.type === 'user') return 'self_service';
  return actor.via.startsWith('api_token:') || actor.via.startsWith('access_key:') ? 'api' : 'operator';
}

export interface AddressClaim {
  organizationId: string;
  entityId: string;
  entityType: EntityType;
  /** Already normalised (core's `emailAddressSchema` lower-cases and trims). */
  address: string;
  isPrimary: boolean;
  origin: AddressOrigin;
  /** Input field named in errors (`email`, `alias`, `users.2.email`). */
  field: string;
}

/**
 * The domain of an address must be one of the organization's domains, and verified. Shared by every path
 * that gives an entity an address (create, enable, add alias, set primary, group email, /aws, portal).
 */
export async function assertOrganizationDomain(db: Db, organizationId: string, address: string, field: string): Promise<void> {
  const domain = splitAddress(address)?.domain ?? '';
  const found = await findMailDomain(db, organizationId, domain);
  if (!found) fail('DOMAIN.NOT_FOUND', `The domain ${domain} is not a domain of this organization.`, { field, domain });
  if (found.verificationStatus !== 'VERIFIED') {
    fail('DOMAIN.NOT_VERIFIED', `The domain ${domain} is not verified yet.`, { field, domain });
  }
}

/**
 * Gives an address to an entity, in the caller's transaction. Checks the domain and, for aliases, the
 * per-entity limit; a taken address — by anyone, in any organization, also by a racing request — ends in
 * ADDRESS.IN_USE. Run it inside a savepoint-free transaction: the unique violation aborts the transaction,
 * which is what we want (nothing half-written).
 */
export async function claimAddress(db: Db, claim: AddressClaim, now: Date): Promise<void> {
  await assertOrganizationDomain(db, claim.organizationId, claim.address, claim.field);
  const holder = await findAddress(db, claim.address);
  if (holder) addressInUse(claim, holder.entityId === claim.entityId);
  if (!claim.isPrimary && (await countEntityAliases(db, claim.organizationId, claim.entityId)) >= MAX_ALIASES_PER_ENTITY) {
    fail('ADDRESS.LIMIT_REACHED', `An entity can have at most ${MAX_ALIASES_PER_ENTITY} aliases.`, { field: claim.field, limit: MAX_ALIASES_PER_ENTITY });
  }
  try {
    await insertAddress(db, { ...claim, createdAt: now });
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'addresses_pkey') addressInUse(claim, false);
    throw error;
  }
}

function addressInUse(claim: AddressClaim, ownAddress: boolean): never {
  fail(
    'ADDRESS.IN_USE',
    ownAddress ? `${claim.address} is already an address of this ${claim.entityType === 'USER' ? 'user' : 'group'}.` : `The email address ${claim.address} is already in use.`,
    { field: claim.field, address: claim.address },
  );
}
