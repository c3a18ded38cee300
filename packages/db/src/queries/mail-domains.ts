import { and, asc, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { DkimKeyState, MailDomainSummary, RecordCheck, VerificationStatus } from '@mailyard/core/mail-domains';
import { MAIL_SERVING_STATES } from '@mailyard/core/organizations';
import type { Db } from '../client.ts';
import { addresses, dkimKeys, mailDomains, organizations } from '../schema/index.ts';

const summaryColumns = {
  domain: mailDomains.domain,
  isTestDomain: mailDomains.isTestDomain,
  isDefault: mailDomains.isDefault,
  ownershipStatus: sql<VerificationStatus>`${mailDomains.verificationStatus}`,
  ownershipReason: mailDomains.ownershipReason,
  dkimStatus: sql<VerificationStatus>`${mailDomains.dkimStatus}`,
  dkimReason: mailDomains.dkimReason,
  verifiedAt: mailDomains.verifiedAt,
  checkedAt: mailDomains.checkedAt,
  createdAt: mailDomains.createdAt,
};

/** What checking and describing a domain needs beyond the summary (its token, last check, schedule). */
const stateColumns = {
  ...summaryColumns,
  ownershipToken: mailDomains.ownershipToken,
  checks: sql<RecordCheck[]>`${mailDomains.checks}`,
  nextCheckAt: mailDomains.nextCheckAt,
};
export type MailDomainState = MailDomainSummary & { ownershipToken: string | null; checks: RecordCheck[]; nextCheckAt: Date | null };

export interface NewMailDomain {
  organizationId: string;
  domain: string;
  isTestDomain: boolean;
  isDefault: boolean;
  ownershipStatus: VerificationStatus;
  dkimStatus: VerificationStatus;
  ownershipToken: string | null;
  verifiedAt: Date | null;
  nextCheckAt: Date | null;
  clientToken: string | null;
  createdAt: Date;
}

/** Idempotent: a workflow step that re-runs after a crash finds the domain already there (false). */
export async function insertMailDomain(db: Db, d: NewMailDomain): Promise<boolean> {
  const { ownershipStatus, ...rest } = d;
  const rows = await db
    .insert(mailDomains)
    .values({ ...rest, verificationStatus: ownershipStatus })
    .onConflictDoNothing({ target: [mailDomains.organizationId, mailDomains.domain] })
    .returning({ domain: mailDomains.domain });
  return rows.length > 0;
}

/** The organization that has proven the domain, if any: claims pending proof elsewhere do not count. */
export async function findVerifiedDomainOwner(db: Db, domain: string): Promise<string | null> {
  const [row] = await db
    .select({ organizationId: mailDomains.organizationId })
    .from(mailDomains)
    .where(and(eq(mailDomains.domain, domain), isNotNull(mailDomains.verifiedAt)));
  return row?.organizationId ?? null;
}

export async function listMailDomains(db: Db, organizationId: string): Promise<MailDomainSummary[]> {
  return db.select(summaryColumns).from(mailDomains).where(eq(mailDomains.organizationId, organizationId)).orderBy(asc(mailDomains.domain));
}

/**
 * One domain of the organization (`domain` in A-label form). `lock`: `key share` keeps it from being removed until
 * the caller commits (an address being added on it); `update` for a change of the domain itself.
 */
export async function findMailDomain(db: Db, organizationId: string, domain: string, lock?: 'key share' | 'update'): Promise<MailDomainState | null> {
  const query = db
    .select(stateColumns)
    .from(mailDomains)
    .where(and(eq(mailDomains.organizationId, organizationId), eq(mailDomains.domain, domain.toLowerCase())));
  const [row] = await (lock ? query.for(lock === 'update' ? 'update' : 'key share') : query);
  return row ?? null;
}

export async function findMailDomainByClientToken(db: Db, organizationId: string, clientToken: string): Promise<string | null> {
  const [row] = await db
    .select({ domain: mailDomains.domain })
    .from(mailDomains)
    .where(and(eq(mailDomains.organizationId, organizationId), eq(mailDomains.clientToken, clientToken)));
  return row?.domain ?? null;
}

/** A page of the organization's domains in name order, after `after` (keyset on the primary key). */
export async function listMailDomainsPage(db: Db, q: { organizationId: string; after: string | null; limit: number }): Promise<MailDomainSummary[]> {
  const conditions = [eq(mailDomains.organizationId, q.organizationId)];
  if (q.after !== null) conditions.push(gt(mailDomains.domain, q.after));
  return db.select(summaryColumns).from(mailDomains).where(and(...conditions)).orderBy(asc(mailDomains.domain)).limit(q.limit);
}

export async function countMailDomains(db: Db, organizationId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(mailDomains).where(eq(mailDomains.organizationId, organizationId));
  return row?.n ?? 0;
}

/** Addresses (primary, aliases, group addresses) of the organization on the domain, through `addresses_domain_idx`. */
export async function countDomainAddresses(db: Db, organizationId: string, domain: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(addresses)
    .where(and(eq(addresses.organizationId, organizationId), sql`split_part(${addresses.address}, '@', 2) = ${domain}`));
  return row?.n ?? 0;
}

export async function updateMailDomain(
  db: Db,
  organizationId: string,
  domain: string,
  patch: Partial<{
    ownershipStatus: VerificationStatus;
    ownershipReason: string | null;
    dkimStatus: VerificationStatus;
    dkimReason: string | null;
    verifiedAt: Date | null;
    checkedAt: Date;
    nextCheckAt: Date | null;
    checks: RecordCheck[];
  }>,
): Promise<void> {
  const { ownershipStatus, ...rest } = patch;
  await db
    .update(mailDomains)
    .set({ ...rest, ...(ownershipStatus ? { verificationStatus: ownershipStatus } : {}) })
    .where(and(eq(mailDomains.organizationId, organizationId), eq(mailDomains.domain, domain)));
}

/** Makes `domain` the organization's only default domain (its organization row names it too). */
export async function setDefaultMailDomain(db: Db, organizationId: string, domain: string): Promise<void> {
  await db
    .update(mailDomains)
    .set({ isDefault: sql`${mailDomains.domain} = ${domain}` })
    .where(and(eq(mailDomains.organizationId, organizationId), sql`${mailDomains.isDefault} <> (${mailDomains.domain} = ${domain})`));
  await db.update(organizations).set({ defaultMailDomain: domain }).where(eq(organizations.id, organizationId));
}

/** Removes the domain and (by cascade) its DKIM keys. */
export async function deleteMailDomain(db: Db, organizationId: string, domain: string): Promise<void> {
  await db.delete(mailDomains).where(and(eq(mailDomains.organizationId, organizationId), eq(mailDomains.domain, domain)));
}

/**
 * Takes up to `limit` domains of Active organizations whose check is due, and moves their next check to
 * `leaseUntil` so that another worker skips them while this one asks DNS (if this one dies, they are due again
 * then). SKIP LOCKED: replicas share the due domains out.
 */
export async function claimDueDomainChecks(
  db: Db,
  q: { now: Date; leaseUntil: Date; limit: number },
): Promise<{ organizationId: string; accountId: string; domain: string }[]> {
  const due = db
    .select({ organizationId: mailDomains.organizationId, domain: mailDomains.domain })
    .from(mailDomains)
    .innerJoin(organizations, eq(organizations.id, mailDomains.organizationId))
    .where(and(lte(mailDomains.nextCheckAt, q.now), eq(organizations.state, 'Active')))
    .orderBy(asc(mailDomains.nextCheckAt))
    .limit(q.limit)
    .for('update', { of: mailDomains, skipLocked: true });
  return db
    .update(mailDomains)
    .set({ nextCheckAt: q.leaseUntil })
    .from(organizations)
    .where(and(eq(organizations.id, mailDomains.organizationId), sql`(${mailDomains.organizationId}, ${mailDomains.domain}) in ${due}`))
    .returning({ organizationId: mailDomains.organizationId, accountId: organizations.accountId, domain: mailDomains.domain });
}

// DKIM keys

export interface DkimKeyRow {
  selector: string;
  state: DkimKeyState;
  publicKey: string;
  createdAt: Date;
}

const keyColumns = { selector: dkimKeys.selector, state: sql<DkimKeyState>`${dkimKeys.state}`, publicKey: dkimKeys.publicKey, createdAt: dkimKeys.createdAt };

export async function insertDkimKey(
  db: Db,
  k: { organizationId: string; domain: string; selector: string; state: DkimKeyState; publicKey: string; sealedPrivateKey: string; createdAt: Date },
): Promise<void> {
  await db.insert(dkimKeys).values(k);
}

/** The domain's public keys, the active one first (private keys stay out of this read). */
export async function listDkimKeys(db: Db, organizationId: string, domain: string): Promise<DkimKeyRow[]> {
  return db
    .select(keyColumns)
    .from(dkimKeys)
    .where(and(eq(dkimKeys.organizationId, organizationId), eq(dkimKeys.domain, domain)))
    .orderBy(asc(dkimKeys.state));
}

/** The next key replaces the active one, which is deleted (its record can then leave DNS). */
export async function promoteNextDkimKey(db: Db, organizationId: string, domain: string): Promise<void> {
  const of = and(eq(dkimKeys.organizationId, organizationId), eq(dkimKeys.domain, domain));
  await db.delete(dkimKeys).where(and(of, eq(dkimKeys.state, 'active')));
  await db.update(dkimKeys).set({ state: 'active' }).where(and(of, eq(dkimKeys.state, 'next')));
}

export interface SigningKeyRow {
  organizationId: string;
  domain: string;
  selector: string;
  sealedPrivateKey: string;
  wrappedDataKey: string | null;
}

/**
 * The active signing keys of every domain mail servers accept (proven, the organization's mail flowing: `servesMail`,
 * as the mailserver views), in domain order, a batch after `after` at a time; the signer's only read of private keys.
 */
export async function listSigningKeys(db: Db, q: { after: string | null; limit: number }): Promise<SigningKeyRow[]> {
  const conditions = [eq(dkimKeys.state, 'active'), isNotNull(mailDomains.verifiedAt), inArray(organizations.state, [...MAIL_SERVING_STATES])];
  if (q.after !== null) conditions.push(gt(dkimKeys.domain, q.after));
  return db
    .select({
      organizationId: dkimKeys.organizationId,
      domain: dkimKeys.domain,
      selector: dkimKeys.selector,
      sealedPrivateKey: dkimKeys.sealedPrivateKey,
      wrappedDataKey: organizations.wrappedDataKey,
    })
    .from(dkimKeys)
    .innerJoin(mailDomains, and(eq(mailDomains.organizationId, dkimKeys.organizationId), eq(mailDomains.domain, dkimKeys.domain)))
    .innerJoin(organizations, eq(organizations.id, dkimKeys.organizationId))
    .where(and(...conditions))
    .orderBy(asc(dkimKeys.domain))
    .limit(q.limit);
}

