import { aliasLimitProblem, splitAddress, type AddressOrigin } from '@mailyard/core/addresses';
import { failIf, refusal, type Refusal } from '@mailyard/core/errors';
import { displayDomain, isDomainUsable, type MailDomainSummary } from '@mailyard/core/mail-domains';
import { violatedUniqueConstraint, type Db } from '@mailyard/db';
import { countEntityAliases, findAddress, insertAddress, type AddressRow, type EntityType } from '@mailyard/db/queries/addresses';
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

/** The domain rule over the domain's row: it must be one of the organization's domains, and verified. */
export function organizationDomainRefusal(found: MailDomainSummary | null, domain: string, field: string): Refusal | null {
  if (!found) return refusal('DOMAIN.NOT_FOUND', `The domain ${displayDomain(domain)} is not a domain of this organization.`, { field, domain });
  if (!isDomainUsable(found)) {
    return refusal('DOMAIN.NOT_VERIFIED', `The domain ${displayDomain(domain)} is not verified yet: publish its DNS records and verify it before giving out addresses on it.`, {
      field,
      domain,
    });
  }
  return null;
}

/**
 * The domain of an address must be one of the organization's domains, and verified. Shared by every path
 * that gives an entity an address (create, enable, add alias, set primary, group email, /aws, portal).
 */
export async function assertOrganizationDomain(db: Db, organizationId: string, address: string, field: string): Promise<void> {
  const domain = domainOf(address);
  failIf(organizationDomainRefusal(await findMailDomain(db, organizationId, domain), domain, field));
}

/** What a claim is checked against: the address's domain in the organization, the address's holder, the entity's aliases. */
interface ClaimFacts {
  domain: MailDomainSummary | null;
  holder: AddressRow | null;
  aliases: number;
}

/** The look-ups are issued together: in a transaction they share one round trip (the driver pipelines them). */
async function claimFacts(db: Db, claim: AddressClaim): Promise<ClaimFacts> {
  const [domain, holder, aliases] = await Promise.all([
    findMailDomain(db, claim.organizationId, domainOf(claim.address)),
    findAddress(db, claim.address),
    claim.isPrimary ? 0 : countEntityAliases(db, claim.organizationId, claim.entityId),
  ]);
  return { domain, holder, aliases };
}

function claimRefusal(claim: AddressClaim, facts: ClaimFacts): Refusal | null {
  return (
    organizationDomainRefusal(facts.domain, domainOf(claim.address), claim.field) ??
    (facts.holder ? addressInUse(claim, facts.holder.entityId === claim.entityId ? claim.entityType : undefined) : null) ??
    aliasLimitProblem(facts.aliases, claim.field)
  );
}

/** What refuses a claim — the domain, a holder of the address, the per-entity alias limit — or null. */
export async function addressClaimRefusal(db: Db, claim: AddressClaim): Promise<Refusal | null> {
  return claimRefusal(claim, await claimFacts(db, claim));
}

/** The unique keys an address taken meanwhile violates: in another organization, in the same one. */
const ADDRESS_TAKEN = new Set(['address_claims_pkey', 'addresses_organization_id_address_pk']);

/**
 * Writes a claim already checked by `addressClaimRefusal`. An address taken meanwhile — by anyone, in any
 * organization, also by a racing request — ends in ADDRESS.IN_USE: the unique violation aborts the caller's
 * transaction, which is what we want (nothing half-written).
 */
export async function insertClaimedAddress(db: Db, claim: AddressClaim, now: Date): Promise<void> {
  try {
    await insertAddress(db, { ...claim, createdAt: now });
  } catch (error) {
    if (ADDRESS_TAKEN.has(violatedUniqueConstraint(error) ?? '')) failIf(addressInUse(claim));
    throw error;
  }
}

/** Gives an address to an entity, in the caller's transaction: the checks, then the write. */
export async function claimAddress(db: Db, claim: AddressClaim, now: Date): Promise<void> {
  failIf(await addressClaimRefusal(db, claim));
  await insertClaimedAddress(db, claim, now);
}

/**
 * As `claimAddress`, for an address the entity may already hold (an alias becoming its primary): then only the domain
 * rule applies and nothing is written. One round of look-ups either way.
 */
export async function claimAddressUnlessHeld(db: Db, claim: AddressClaim, now: Date): Promise<void> {
  const facts = await claimFacts(db, claim);
  const { holder } = facts;
  if (holder?.organizationId === claim.organizationId && holder.entityId === claim.entityId) {
    failIf(organizationDomainRefusal(facts.domain, domainOf(claim.address), claim.field));
    return;
  }
  failIf(claimRefusal(claim, facts));
  await insertClaimedAddress(db, claim, now);
}

const domainOf = (address: string): string => splitAddress(address)?.domain ?? '';

/** The address is taken: by someone else, or (`heldBy`) by the claiming entity itself, which the message then says. */
export function addressInUse({ address, field }: Pick<AddressClaim, 'address' | 'field'>, heldBy?: EntityType): Refusal {
  return refusal(
    'ADDRESS.IN_USE',
    heldBy ? `${address} is already an address of this ${heldBy.toLowerCase()}.` : `The email address ${address} is already in use.`,
    { field, address },
  );
}
