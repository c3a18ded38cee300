import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { EntityState } from '@mailyard/core/entities';
import type { GroupDetail, GroupSort, GroupSummary } from '@mailyard/core/groups';
import type { ListTotal } from '@mailyard/core/pagination';
import type { Db } from '../client.ts';
import { entityFilter, entityListOrder, type EntityKeys, type EntityListFilter, type EntityPageQuery } from '../entity-list.ts';
import type { ListOrder, Position, SortColumn } from '../keyset.ts';
import { startsWithPrefix } from '../prefix-range.ts';
import { directories, groups } from '../schema/index.ts';
import { searchablePage, searchableTotal, type SearchableTable } from '../searchable-list.ts';

/** The sort key of every groups list: matches `groups_name_page_idx`, so pages stop after `limit` rows. */
export const groupSortKey = sql<string>`lower(${groups.name}) COLLATE "C"`;
/** A group without an address sorts as '', so the key is never null and a row comparison resumes it. */
const emailKey = sql<string>`coalesce(${groups.primaryEmail}, '') COLLATE "C"`;

export const groupSummaryColumns = {
  id: groups.id,
  name: groups.name,
  email: groups.primaryEmail,
  state: sql<EntityState>`${groups.state}`,
  hiddenFromGlobalAddressList: groups.hiddenFromGlobalAddressList,
  enabledAt: groups.enabledAt,
  disabledAt: groups.disabledAt,
  createdAt: groups.createdAt,
};

const detailColumns = { ...groupSummaryColumns, updatedAt: groups.updatedAt };


/** The position in a by-name list of groups (the groups of a member): the lower-cased name, and the id. */
export type GroupKey = [string, string];
export const afterGroupKey = (after: GroupKey): SQL => sql`(${groupSortKey}, ${groups.id}) > (${after[0]}, ${after[1]}::uuid)`;

export const groupNamePrefix = (prefix: string): SQL => startsWithPrefix(groupSortKey, prefix);

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

/** A row of a groups page with its position, for the next page's cursor. */
export type GroupPageRow = GroupSummary & { position: Position };

export type GroupsFilter = EntityListFilter;
export type GroupsPageQuery = EntityPageQuery<GroupSort>;

/** Every order of the list and its page index (`groups_name_page_idx`, `…_email_…`, `…_state_name_…`, `…_created_…`). */
const sortColumns: Record<GroupSort, SortColumn[]> = {
  name: [{ expr: groupSortKey }],
  email: [{ expr: emailKey }],
  state: [{ expr: groups.state }, { expr: groupSortKey }],
  createdAt: [{ expr: groups.createdAt, type: 'timestamptz' }],
};

const keys: EntityKeys = { organizationId: groups.organizationId, id: groups.id, state: groups.state, name: groupSortKey, email: emailKey };

export const groupListOrder = (q: Omit<GroupsPageQuery, 'organizationId' | 'after' | 'limit'>): ListOrder => entityListOrder(keys, sortColumns, q);

const groupsTable: SearchableTable = { table: groups, tenant: groups.organizationId, id: groups.id, searchText: groups.searchText, entityType: 'GROUP' };

/** A page of groups in the order asked for, after `after` (see `searchablePage`). */
export async function listGroupsPage(db: Db, q: GroupsPageQuery): Promise<GroupPageRow[]> {
  return searchablePage<GroupSummary>(db, groupsTable, { ...entityFilter(keys, q), order: groupListOrder(q), after: q.after, limit: q.limit }, groupSummaryColumns);
}

/** How many groups the filter matches: exact up to `EXACT_COUNT_LIMIT`, else an estimate. */
export async function countGroups(db: Db, q: GroupsFilter): Promise<ListTotal> {
  return searchableTotal(db, groupsTable, entityFilter(keys, q));
}

/**
 * Whether the organization's directory lets groups contain groups. The built-in directory says no; a connected
 * directory (Standard setup) says what it supports, and tests use this to stand for one.
 */
export async function setNestedGroupsAllowed(db: Db, organizationId: string, nestedGroups: boolean): Promise<void> {
  await db.update(directories).set({ nestedGroups }).where(eq(directories.organizationId, organizationId));
}
