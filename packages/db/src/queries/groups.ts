import { and, eq, gte, lt, ne, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { EntityState } from '@mailyard/core/entities';
import type { GroupDetail, GroupSummary } from '@mailyard/core/groups';
import type { Db } from '../client.ts';
import { prefixRange } from '../prefix-range.ts';
import { directories, groups } from '../schema/index.ts';

/** The sort key of every groups list: matches `groups_name_page_idx`, so pages stop after `limit` rows. */
export const groupSortKey = sql<string>`lower(${groups.name}) COLLATE "C"`;
const emailKey = sql<string>`${groups.primaryEmail} COLLATE "C"`;

export const groupSummaryColumns = {
  id: groups.id,
  name: groups.name,
  email: groups.primaryEmail,
  state: sql<EntityState>`${groups.state}`,
  hiddenFromGlobalAddressList: groups.hiddenFromGlobalAddressList,
  enabledAt: groups.enabledAt,
  disabledAt: groups.disabledAt,
};

const detailColumns = { ...groupSummaryColumns, createdAt: groups.createdAt, updatedAt: groups.updatedAt };

/** A page's last position: the sort key the row was listed under (its lower-cased name or address), and its id. */
export type GroupKey = [string, string];

/** Rows strictly after `after` in (key, id) order: a row comparison the key's page index answers. */
const afterKey = (key: SQL<string>, after: GroupKey): SQL => sql`(${key}, ${groups.id}) > (${after[0]}, ${after[1]}::uuid)`;
export const afterGroupKey = (after: GroupKey): SQL => afterKey(groupSortKey, after);

function startsWith(key: SQL<string>, prefix: string): SQL {
  const { low, high } = prefixRange(prefix);
  return high === null ? gte(key, low) : and(gte(key, low), lt(key, high))!;
}
export const groupNamePrefix = (prefix: string): SQL => startsWith(groupSortKey, prefix);

/**
 * Inserts a group and returns it as `findGroup` would. Names are unique per organization regardless of case among
 * groups not deleted: a taken name — also by a racing request — raises unique violation `groups_name_key`.
 */
export async function insertGroup(
  db: Db,
  row: {
    organizationId: string;
    id: string;
    name: string;
    primaryEmail: string | null;
    state: EntityState;
    hiddenFromGlobalAddressList: boolean;
    enabledAt: Date | null;
    createdAt: Date;
  },
): Promise<GroupDetail> {
  const [group] = await db
    .insert(groups)
    .values({ ...row, updatedAt: row.createdAt })
    .returning(detailColumns);
  return group!;
}

/** A group of the organization (any state), or null. `lock` takes the row for the rest of the transaction. */
export async function findGroup(db: Db, organizationId: string, id: string, lock?: 'update' | 'share'): Promise<GroupDetail | null> {
  const query = db
    .select(detailColumns)
    .from(groups)
    .where(and(eq(groups.organizationId, organizationId), eq(groups.id, id)));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

export async function updateGroup(
  db: Db,
  organizationId: string,
  id: string,
  patch: Partial<{
    name: string;
    primaryEmail: string | null;
    state: EntityState;
    hiddenFromGlobalAddressList: boolean;
    enabledAt: Date | null;
    disabledAt: Date | null;
  }> & { updatedAt: Date },
): Promise<void> {
  await db
    .update(groups)
    .set(patch)
    .where(and(eq(groups.organizationId, organizationId), eq(groups.id, id)));
}

/** A row of a groups page with the key it was listed under, for the next page's cursor. */
export type GroupPageRow = GroupSummary & { sortKey: string };

export interface GroupsPageQuery {
  organizationId: string;
  /** The console's search box: a prefix of the name OR the primary address. */
  search?: string | undefined;
  /** WorkMail ListGroups filters: every one given must match. */
  namePrefix?: string | undefined;
  emailPrefix?: string | undefined;
  /** One state; absent = every state but DELETED. */
  state?: EntityState | undefined;
  after: GroupKey | null;
  limit: number;
}

/**
 * A page of groups. Without `search`, ordered by one key — the name, or the address when only an address prefix
 * is given — through that key's index (`groups_name_page_idx`, `groups_email_page_idx`). With `search`, two range
 * scans (name prefix, address prefix), each listing a group under the smaller of its matching keys (ties to the
 * name), merged by (key, id): every match appears once, in one order a keyset cursor can resume, and neither scan
 * reads further than the page.
 */
export async function listGroupsPage(db: Db, q: GroupsPageQuery): Promise<GroupPageRow[]> {
  const common: SQL[] = [eq(groups.organizationId, q.organizationId), q.state ? eq(groups.state, q.state) : ne(groups.state, 'DELETED')];
  if (q.namePrefix) common.push(startsWith(groupSortKey, q.namePrefix));
  if (q.emailPrefix) common.push(startsWith(emailKey, q.emailPrefix));
  const scan = (key: SQL<string>, extra: SQL[]) =>
    db
      .select({ ...groupSummaryColumns, sortKey: sql<string>`${key}`.as('sort_key') })
      .from(groups)
      .where(and(...common, ...extra, ...(q.after ? [afterKey(key, q.after)] : [])))
      .orderBy(key, groups.id)
      .limit(q.limit);

  if (!q.search) return scan(q.emailPrefix && !q.namePrefix ? emailKey : groupSortKey, []);
  const byName = startsWith(groupSortKey, q.search);
  const byEmail = startsWith(emailKey, q.search);
  return unionAll(
    scan(groupSortKey, [byName, sql`not coalesce(${byEmail} and ${emailKey} < ${groupSortKey}, false)`]),
    scan(emailKey, [byEmail, sql`not coalesce(${byName} and ${groupSortKey} <= ${emailKey}, false)`]),
  )
    .orderBy(sql`sort_key`, sql`id`)
    .limit(q.limit);
}

/**
 * Whether the organization's directory lets groups contain groups. The built-in directory says no; a connected
 * directory (Standard setup) says what it supports, and tests use this to stand for one.
 */
export async function setNestedGroupsAllowed(db: Db, organizationId: string, nestedGroups: boolean): Promise<void> {
  await db.update(directories).set({ nestedGroups }).where(eq(directories.organizationId, organizationId));
}
