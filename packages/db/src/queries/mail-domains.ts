import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { mailDomains } from '../schema/index.ts';

export interface MailDomainSummary {
  domain: string;
  isTestDomain: boolean;
  isDefault: boolean;
  verificationStatus: string;
  createdAt: Date;
}

const columns = {
  domain: mailDomains.domain,
  isTestDomain: mailDomains.isTestDomain,
  isDefault: mailDomains.isDefault,
  verificationStatus: mailDomains.verificationStatus,
  createdAt: mailDomains.createdAt,
};

/** Idempotent: a workflow step that re-runs after a crash finds the domain already there. */
export async function insertMailDomain(
  db: Db,
  d: { organizationId: string; domain: string; isTestDomain: boolean; isDefault: boolean; verificationStatus: string; createdAt: Date },
): Promise<boolean> {
  const rows = await db.insert(mailDomains).values(d).onConflictDoNothing().returning({ domain: mailDomains.domain });
  return rows.length > 0;
}

/** Whoever owns the domain, for telling "taken by another organization" from "already ours". */
export async function findMailDomainOwner(db: Db, domain: string): Promise<string | null> {
  const [row] = await db.select({ organizationId: mailDomains.organizationId }).from(mailDomains).where(eq(mailDomains.domain, domain));
  return row?.organizationId ?? null;
}

export async function listMailDomains(db: Db, organizationId: string): Promise<MailDomainSummary[]> {
  return db.select(columns).from(mailDomains).where(eq(mailDomains.organizationId, organizationId)).orderBy(asc(mailDomains.domain));
}

export async function findMailDomain(db: Db, organizationId: string, domain: string): Promise<MailDomainSummary | null> {
  const [row] = await db
    .select(columns)
    .from(mailDomains)
    .where(and(eq(mailDomains.organizationId, organizationId), eq(mailDomains.domain, domain.toLowerCase())));
  return row ?? null;
}

/** A page of the organization's domains in name order, after `after` (keyset on the primary key). */
export async function listMailDomainsPage(
  db: Db,
  q: { organizationId: string; after: string | null; limit: number },
): Promise<MailDomainSummary[]> {
  const conditions = [eq(mailDomains.organizationId, q.organizationId)];
  if (q.after !== null) conditions.push(gt(mailDomains.domain, q.after));
  return db.select(columns).from(mailDomains).where(and(...conditions)).orderBy(asc(mailDomains.domain)).limit(q.limit);
}
