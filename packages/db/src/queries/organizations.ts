import { and, desc, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { OrganizationDetail, OrganizationState, OrganizationSummary } from '@mailyard/core/organizations';
import type { Db } from '../client.ts';
import {
  addresses,
  directories,
  groupMembers,
  groups,
  mailboxes,
  mailboxPermissions,
  mailDomains,
  organizations,
  passwordResetTokens,
  recoveryVerifications,
  users,
  userSessions,
} from '../schema/index.ts';

const summaryColumns = {
  id: organizations.id,
  alias: organizations.alias,
  state: sql<OrganizationState>`${organizations.state}`,
  defaultMailDomain: organizations.defaultMailDomain,
  errorMessage: organizations.errorMessage,
  createdAt: organizations.createdAt,
};

const detailColumns = {
  ...summaryColumns,
  accountId: organizations.accountId,
  directoryType: sql<OrganizationDetail['directoryType']>`${organizations.directoryType}`,
  directoryId: organizations.directoryId,
  kmsKeyArn: organizations.kmsKeyArn,
  interoperabilityEnabled: organizations.interoperabilityEnabled,
  completedAt: organizations.completedAt,
  aliasPolicy: organizations.aliasPolicy,
};

export type OrganizationRow = Awaited<ReturnType<typeof findOrganization>> & {};

export async function insertOrganization(
  db: Db,
  org: {
    id: string;
    accountId: string;
    alias: string;
    state: OrganizationState;
    directoryType: string;
    clientToken: string | null;
    createdAt: Date;
  },
): Promise<void> {
  await db.insert(organizations).values(org);
}

/**
 * An organization of the account, or null: another account's organization is indistinguishable from none. `lock`
 * holds the row for the transaction: `update` for a state change, `key share` to keep the state as read until
 * commit (it waits for, and is waited for by, an `update` holder).
 */
export async function findOrganization(db: Db, accountId: string, id: string, lock?: 'update' | 'key share') {
  const query = db
    .select(detailColumns)
    .from(organizations)
    .where(and(eq(organizations.id, id), eq(organizations.accountId, accountId)));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

/** For the background workflow, which acts for no account in particular. Locks the row. */
export async function lockOrganization(db: Db, id: string) {
  const [row] = await db.select(detailColumns).from(organizations).where(eq(organizations.id, id)).for('update');
  return row ?? null;
}

export async function findOrganizationByClientToken(db: Db, accountId: string, clientToken: string) {
  const [row] = await db
    .select(detailColumns)
    .from(organizations)
    .where(and(eq(organizations.accountId, accountId), eq(organizations.clientToken, clientToken)));
  return row ?? null;
}

export async function countLiveOrganizations(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(organizations)
    .where(and(eq(organizations.accountId, accountId), ne(organizations.state, 'Deleted')));
  return row?.n ?? 0;
}

export async function aliasExists(db: Db, alias: string): Promise<boolean> {
  const rows = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(sql`lower(${organizations.alias}) = lower(${alias})`, ne(organizations.state, 'Deleted')))
    .limit(1);
  return rows.length > 0;
}

/** Newest first; keyset on (created_at, id). */
export async function listOrganizationsPage(
  db: Db,
  q: { accountId: string; after: [string, string] | null; limit: number; includeDeleted: boolean; organizationIds?: string[] | null },
): Promise<OrganizationSummary[]> {
  const conditions = [eq(organizations.accountId, q.accountId)];
  if (!q.includeDeleted) conditions.push(ne(organizations.state, 'Deleted'));
  if (q.organizationIds) conditions.push(inArray(organizations.id, q.organizationIds));
  if (q.after) {
    const [createdAt, id] = q.after;
    conditions.push(
      or(lt(organizations.createdAt, new Date(createdAt)), and(eq(organizations.createdAt, new Date(createdAt)), lt(organizations.id, id)))!,
    );
  }
  return db
    .select(summaryColumns)
    .from(organizations)
    .where(and(...conditions))
    .orderBy(desc(organizations.createdAt), desc(organizations.id))
    .limit(q.limit);
}

export async function updateOrganization(
  db: Db,
  id: string,
  patch: Partial<{
    state: OrganizationState;
    errorMessage: string | null;
    defaultMailDomain: string | null;
    directoryId: string | null;
    wrappedDataKey: string | null;
    completedAt: Date | null;
    deletedAt: Date | null;
    aliasPolicy: unknown;
  }>,
): Promise<void> {
  await db.update(organizations).set(patch).where(eq(organizations.id, id));
}

export async function insertDirectory(
  db: Db,
  dir: { organizationId: string; id: string; type: string; nestedGroups: boolean; createdAt: Date },
): Promise<void> {
  await db.insert(directories).values(dir).onConflictDoNothing();
}

export async function findDirectory(db: Db, organizationId: string) {
  const [row] = await db.select().from(directories).where(eq(directories.organizationId, organizationId)).limit(1);
  return row ?? null;
}

/** The wrapped data key is kept out of the read models; only the key's own users read it. */
export async function findWrappedDataKey(db: Db, organizationId: string): Promise<string | null> {
  const [row] = await db.select({ key: organizations.wrappedDataKey }).from(organizations).where(eq(organizations.id, organizationId));
  return row?.key ?? null;
}

/** Enabled people of the organization (system users such as postmaster do not count): deletion needs ForceDelete then. */
export async function countEnabledUsers(db: Db, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.state, 'ENABLED'), ne(users.role, 'SYSTEM_USER')));
  return row?.n ?? 0;
}

/**
 * The last step of deleting an organization: its addresses and domains are freed for anyone to use again, its
 * users and groups end DELETED (no sign-in: passwords dropped, sessions and links gone), mailboxes are marked
 * deleted, memberships and permissions removed. The organization row itself stays, describable as `Deleted`.
 */
export async function releaseOrganizationContents(db: Db, organizationId: string, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const freedAddresses = await db.delete(addresses).where(eq(addresses.organizationId, organizationId)).returning({ a: addresses.address });
  const freedDomains = await db.delete(mailDomains).where(eq(mailDomains.organizationId, organizationId)).returning({ d: mailDomains.domain });
  const deletedUsers = await db
    .update(users)
    .set({ state: 'DELETED', passwordHash: null, disabledAt: sql`coalesce(${users.disabledAt}, ${at})`, updatedAt: now })
    .where(and(eq(users.organizationId, organizationId), ne(users.state, 'DELETED')))
    .returning({ id: users.id });
  const deletedGroups = await db
    .update(groups)
    .set({ state: 'DELETED', disabledAt: sql`coalesce(${groups.disabledAt}, ${at})`, updatedAt: now })
    .where(and(eq(groups.organizationId, organizationId), ne(groups.state, 'DELETED')))
    .returning({ id: groups.id });
  await db
    .update(mailboxes)
    .set({ deletedAt: now, deletionDueAt: null, deprovisionedAt: sql`coalesce(${mailboxes.deprovisionedAt}, ${at})` })
    .where(and(eq(mailboxes.organizationId, organizationId), isNull(mailboxes.deletedAt)));
  await db.delete(groupMembers).where(eq(groupMembers.organizationId, organizationId));
  await db.delete(mailboxPermissions).where(eq(mailboxPermissions.organizationId, organizationId));
  await db.delete(userSessions).where(eq(userSessions.organizationId, organizationId));
  await db.delete(passwordResetTokens).where(eq(passwordResetTokens.organizationId, organizationId));
  await db.delete(recoveryVerifications).where(eq(recoveryVerifications.organizationId, organizationId));
  return {
    addresses: freedAddresses.length,
    domains: freedDomains.map((r) => r.d),
    users: deletedUsers.length,
    groups: deletedGroups.length,
  };
}
