import { and, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { OrganizationDetail, OrganizationSort, OrganizationState, OrganizationSummary } from '@mailyard/core/organizations';
import type { ListTotal } from '@mailyard/core/pagination';
import type { Db } from '../client.ts';
import type { ListOrder, Position, SortColumn } from '../keyset.ts';
import { searchablePage, searchableTotal, type SearchableTable } from '../searchable-list.ts';
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
  resourceDelegates,
  resources,
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
  /** Whether Dovecot encrypts its mail: the organization has its mailbox key. */
  mailboxEncrypted: sql<boolean>`(${organizations.mailboxPublicKey} is not null)`,
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
    /** Standard setup's registered directory; Quick setup's built-in one is created by the workflow. */
    directoryId?: string;
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
/**
 * Serialises, for the caller's transaction, the changes that count an organization's rows against a limit (tags,
 * domains, rules…), so racing requests cannot together pass it. An advisory lock rather than the row's: every change
 * already holds the row key-share locked, and two transactions upgrading that lock at once deadlock.
 */
export async function lockOrganizationLimits(db: Db, id: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`limits:${id}`}, 0))`);
}

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

/**
 * The keys of the organizations list, each the expression of its page index (`organizations_account_alias_page_idx`,
 * `organizations_account_state_page_idx`, `organizations_account_domain_page_idx`, `organizations_account_page_idx`):
 * a page is a range scan of the account's organizations that stops after the page.
 */
const aliasKey = sql<string>`lower(${organizations.alias}) COLLATE "C"`;
const sortColumns: Record<OrganizationSort, SortColumn[]> = {
  alias: [{ expr: aliasKey }],
  state: [{ expr: organizations.state }, { expr: aliasKey }],
  defaultMailDomain: [{ expr: sql<string>`coalesce(${organizations.defaultMailDomain}, '') COLLATE "C"` }],
  createdAt: [{ expr: organizations.createdAt, type: 'timestamptz' }],
};

export interface OrganizationsFilter {
  accountId: string;
  /** A scoped credential's organizations; `null` = all of the account's. */
  organizationIds?: string[] | null | undefined;
  /** The console's search box: a fragment anywhere in the alias, the default mail domain or the id. */
  search?: string | undefined;
  /** One state; absent = every state but Deleted, unless `includeDeleted`. */
  state?: OrganizationState | undefined;
  includeDeleted: boolean;
}

export interface OrganizationsPageQuery extends OrganizationsFilter {
  /** Absent: newest first (WorkMail's ListOrganizations and scripts). */
  sort?: OrganizationSort | undefined;
  descending?: boolean | undefined;
  after: Position | null;
  limit: number;
}

/** The order of a page: its columns (what a cursor carries) and direction. */
export function organizationListOrder(q: Pick<OrganizationsPageQuery, 'sort' | 'descending'>): ListOrder {
  if (!q.sort) return { columns: sortColumns.createdAt, id: organizations.id, descending: true };
  return { columns: sortColumns[q.sort], id: organizations.id, descending: q.descending ?? false };
}

const organizationsTable: SearchableTable = { table: organizations, tenant: organizations.accountId, id: organizations.id, searchText: organizations.searchText };

function searchable(q: OrganizationsFilter) {
  const where: SQL[] = [eq(organizations.accountId, q.accountId)];
  if (q.state) where.push(eq(organizations.state, q.state));
  else if (!q.includeDeleted) where.push(ne(organizations.state, 'Deleted'));
  if (q.organizationIds) where.push(inArray(organizations.id, q.organizationIds));
  return { tenant: q.accountId, where, search: q.search };
}

/** A page of the account's organizations in the order asked for, after `after` (see `searchablePage`). */
export async function listOrganizationsPage(db: Db, q: OrganizationsPageQuery): Promise<(OrganizationSummary & { position: Position })[]> {
  return searchablePage<OrganizationSummary>(db, organizationsTable, { ...searchable(q), order: organizationListOrder(q), after: q.after, limit: q.limit }, summaryColumns);
}

/** How many organizations the filter matches: exact up to `EXACT_COUNT_LIMIT`, else an estimate. */
export async function countOrganizations(db: Db, q: OrganizationsFilter): Promise<ListTotal> {
  return searchableTotal(db, organizationsTable, searchable(q));
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
  const deletedResources = await db
    .update(resources)
    .set({ state: 'DELETED', primaryEmail: null, disabledAt: sql`coalesce(${resources.disabledAt}, ${at})`, updatedAt: now })
    .where(and(eq(resources.organizationId, organizationId), ne(resources.state, 'DELETED')))
    .returning({ id: resources.id });
  await db.delete(groupMembers).where(eq(groupMembers.organizationId, organizationId));
  await db.delete(resourceDelegates).where(eq(resourceDelegates.organizationId, organizationId));
  await db.delete(mailboxPermissions).where(eq(mailboxPermissions.organizationId, organizationId));
  await db.delete(userSessions).where(eq(userSessions.organizationId, organizationId));
  await db.delete(passwordResetTokens).where(eq(passwordResetTokens.organizationId, organizationId));
  await db.delete(recoveryVerifications).where(eq(recoveryVerifications.organizationId, organizationId));
  return {
    addresses: freedAddresses.length,
    domains: freedDomains.map((r) => r.d),
    users: deletedUsers.length,
    groups: deletedGroups.length,
    resources: deletedResources.length,
  };
}
