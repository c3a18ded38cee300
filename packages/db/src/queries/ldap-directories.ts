import { and, asc, eq, gt, inArray, ne, or, sql } from 'drizzle-orm';
import type { AttributeMapping, DirectoryDetail, DirectoryHealth, DirectoryPreset, DirectorySummary, SyncProgress, SyncReport } from '@mailyard/core/directories';
import type { Db } from '../client.ts';
import { ldapDirectories, organizations } from '../schema/index.ts';

/** The live organization using the directory (Standard setup), joined on its `directory_id`. */
const usingOrganization = and(
  eq(organizations.directoryId, ldapDirectories.id),
  eq(organizations.directoryType, 'ExternalDirectory'),
  ne(organizations.state, 'Deleted'),
);

const summaryColumns = {
  id: ldapDirectories.id,
  name: ldapDirectories.name,
  preset: sql<DirectoryPreset>`${ldapDirectories.preset}`,
  url: ldapDirectories.url,
  bindDn: ldapDirectories.bindDn,
  organizationId: organizations.id,
  organizationAlias: organizations.alias,
  health: sql<DirectoryHealth>`${ldapDirectories.health}`,
  healthMessage: ldapDirectories.healthMessage,
  checkedAt: ldapDirectories.checkedAt,
  lastSync: sql<SyncReport | null>`${ldapDirectories.lastSync}`,
  createdAt: ldapDirectories.createdAt,
};

const detailColumns = {
  ...summaryColumns,
  startTls: ldapDirectories.startTls,
  caCertificate: ldapDirectories.caCertificate,
  userBaseDn: ldapDirectories.userBaseDn,
  groupBaseDn: ldapDirectories.groupBaseDn,
  userObjectClass: ldapDirectories.userObjectClass,
  groupObjectClass: ldapDirectories.groupObjectClass,
  mapping: sql<AttributeMapping>`${ldapDirectories.mapping}`,
  syncProgress: sql<SyncProgress | null>`${ldapDirectories.syncProgress}`,
};

/** Dates inside the jsonb reports come back as strings. */
const reviveDates = <T extends object | null>(value: T, keys: string[]): T => {
  if (!value) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const k of keys) if (typeof copy[k] === 'string') copy[k] = new Date(copy[k]);
  return copy as T;
};
const revive = <T extends { lastSync: SyncReport | null }>(row: T): T => ({ ...row, lastSync: reviveDates(row.lastSync, ['startedAt', 'finishedAt']) });

export async function insertLdapDirectory(db: Db, row: typeof ldapDirectories.$inferInsert): Promise<void> {
  await db.insert(ldapDirectories).values(row);
}

/** The account's directory, or null (another account's is indistinguishable from none). No secret. */
export async function findLdapDirectory(db: Db, accountId: string, id: string): Promise<DirectoryDetail | null> {
  const [row] = await db
    .select(detailColumns)
    .from(ldapDirectories)
    .leftJoin(organizations, usingOrganization)
    .where(and(eq(ldapDirectories.id, id), eq(ldapDirectories.accountId, accountId)));
  if (!row) return null;
  return { ...revive(row), syncProgress: reviveDates(row.syncProgress, ['startedAt']) };
}

/** What connecting needs, the sealed bind password included: for the services that bind, never for a read model. */
export async function findLdapConnection(db: Db, id: string, lock?: 'update') {
  const query = db
    .select({
      id: ldapDirectories.id,
      accountId: ldapDirectories.accountId,
      name: ldapDirectories.name,
      url: ldapDirectories.url,
      startTls: ldapDirectories.startTls,
      caCertificate: ldapDirectories.caCertificate,
      bindDn: ldapDirectories.bindDn,
      sealedBindPassword: ldapDirectories.sealedBindPassword,
      userBaseDn: ldapDirectories.userBaseDn,
      groupBaseDn: ldapDirectories.groupBaseDn,
      userObjectClass: ldapDirectories.userObjectClass,
      groupObjectClass: ldapDirectories.groupObjectClass,
      mapping: sql<AttributeMapping>`${ldapDirectories.mapping}`,
      health: sql<DirectoryHealth>`${ldapDirectories.health}`,
      healthMessage: ldapDirectories.healthMessage,
      /** How many entries the last sync found: the next one's progress estimate. */
      entriesLastFound: sql<number | null>`(${ldapDirectories.lastSync}->>'usersFound')::int + (${ldapDirectories.lastSync}->>'groupsFound')::int`,
    })
    .from(ldapDirectories)
    .where(eq(ldapDirectories.id, id));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}
export type LdapConnectionRow = NonNullable<Awaited<ReturnType<typeof findLdapConnection>>>;

/** By name without case; keyset on (lower(name), id). */
export async function listLdapDirectoriesPage(db: Db, q: { accountId: string; after: [string, string] | null; limit: number }): Promise<DirectorySummary[]> {
  const key = sql`lower(${ldapDirectories.name}) COLLATE "C"`;
  const conditions = [eq(ldapDirectories.accountId, q.accountId)];
  if (q.after) {
    const [name, id] = q.after;
    conditions.push(or(gt(key, name), and(sql`${key} = ${name}`, gt(ldapDirectories.id, id)))!);
  }
  const rows = await db
    .select(summaryColumns)
    .from(ldapDirectories)
    .leftJoin(organizations, usingOrganization)
    .where(and(...conditions))
    .orderBy(asc(key), asc(ldapDirectories.id))
    .limit(q.limit);
  return rows.map(revive);
}

export async function ldapDirectoryNameExists(db: Db, accountId: string, name: string): Promise<boolean> {
  const rows = await db
    .select({ id: ldapDirectories.id })
    .from(ldapDirectories)
    .where(and(eq(ldapDirectories.accountId, accountId), sql`lower(${ldapDirectories.name}) = lower(${name})`))
    .limit(1);
  return rows.length > 0;
}

/** The live organization using the directory, or null while it is free. */
export async function findDirectoryUser(db: Db, directoryId: string): Promise<{ id: string; alias: string; state: string } | null> {
  const [row] = await db
    .select({ id: organizations.id, alias: organizations.alias, state: organizations.state })
    .from(organizations)
    .where(and(eq(organizations.directoryId, directoryId), eq(organizations.directoryType, 'ExternalDirectory'), ne(organizations.state, 'Deleted')));
  return row ?? null;
}

export async function updateLdapDirectory(
  db: Db,
  id: string,
  patch: Partial<{
    health: DirectoryHealth;
    healthMessage: string | null;
    checkedAt: Date;
    lastSync: SyncReport;
    syncProgress: SyncProgress | null;
    updatedAt: Date;
  }>,
): Promise<void> {
  await db.update(ldapDirectories).set(patch).where(eq(ldapDirectories.id, id));
}

export async function deleteLdapDirectory(db: Db, accountId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(ldapDirectories)
    .where(and(eq(ldapDirectories.id, id), eq(ldapDirectories.accountId, accountId)))
    .returning({ id: ldapDirectories.id });
  return rows.length > 0;
}

/**
 * The periodic sync's round: Standard setup organizations that are Active or Impaired (an Impaired one is synced to
 * find whether its directory answers again), by organization id after `after`.
 */
export async function listSyncedOrganizationsPage(db: Db, q: { after: string | null; limit: number }): Promise<{ organizationId: string; directoryId: string }[]> {
  return db
    .select({ organizationId: organizations.id, directoryId: ldapDirectories.id })
    .from(organizations)
    .innerJoin(ldapDirectories, usingOrganization)
    .where(and(inArray(organizations.state, ['Active', 'Impaired']), q.after ? gt(organizations.id, q.after) : undefined))
    .orderBy(asc(organizations.id))
    .limit(q.limit);
}

/** The name of the directory an organization uses (Standard setup), for messages; `null` for the built-in one. */
export async function findOrganizationDirectoryName(db: Db, organizationId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: ldapDirectories.name })
    .from(organizations)
    .innerJoin(ldapDirectories, usingOrganization)
    .where(eq(organizations.id, organizationId));
  return row?.name ?? null;
}
