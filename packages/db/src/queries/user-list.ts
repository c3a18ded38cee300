import { and, eq, isNotNull, ne, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { EntityState } from '@mailyard/core/entities';
import type { ListTotal } from '@mailyard/core/pagination';
import type { UserSort, UserSummary } from '@mailyard/core/users';
import type { Db } from '../client.ts';
import { containsExactly, containsFragment } from '../fragment-search.ts';
import { afterPosition, orderOf, positionFields, withPositions, type ListOrder, type Position, type SortColumn } from '../keyset.ts';
import { listTotal, sampledTotal } from '../list-total.ts';
import { organizationOfAccount } from '../organization-scope.ts';
import { startsWithPrefix } from '../prefix-range.ts';
import { users, userSearch, userSearchSamples } from '../schema/index.ts';
import { userSummaryColumns } from './users.ts';

export interface UsersFilter {
  organizationId: string;
  /** The console's search box: a fragment anywhere in the name, the display name, the primary address or an alias. */
  search?: string | undefined;
  /** WorkMail ListUsers filters: every one given must match. */
  namePrefix?: string | undefined;
  displayNamePrefix?: string | undefined;
  emailPrefix?: string | undefined;
  identityProviderUserIdPrefix?: string | undefined;
  /** One state; absent = every state but DELETED. */
  state?: EntityState | undefined;
  /** Rows only when the organization is this account's (`organizationOfAccount`): the page proves the tenant check. */
  accountId?: string | undefined;
}

export interface UsersPageQuery extends UsersFilter {
  /** Absent: by name, or by the first WorkMail prefix filter given (its index serves the filter and the order). */
  sort?: UserSort | undefined;
  descending?: boolean | undefined;
  after: Position | null;
  limit: number;
}

export type UserPageRow = UserSummary & { position: Position };

/**
 * The keys the users list filters and sorts on, in one of the two tables that hold them: `users`, whose page indexes
 * (`users_name_page_idx`, `users_display_name_page_idx`, `users_email_page_idx`, `users_idp_user_id_page_idx`,
 * `users_state_name_page_idx`, `users_created_page_idx`) serve a page without a search, and `user_search`, which a
 * search reads. The text keys are the same values in both, compared `COLLATE "C"`: a page or a prefix filter is a
 * range scan of its index. Primary addresses are stored lower-case; a user never enabled has none and sorts as ''.
 */
interface UserKeys {
  organizationId: AnyColumn;
  id: AnyColumn;
  state: AnyColumn;
  createdAt: AnyColumn;
  name: SQL<string>;
  displayName: SQL<string>;
  email: SQL<string>;
  identityProviderUserId: SQL<string>;
}

const inUsers: UserKeys = {
  organizationId: users.organizationId,
  id: users.id,
  state: users.state,
  createdAt: users.createdAt,
  name: sql`lower(${users.name}) COLLATE "C"`,
  displayName: sql`lower(${users.displayName}) COLLATE "C"`,
  email: sql`coalesce(${users.primaryEmail}, '') COLLATE "C"`,
  identityProviderUserId: sql`lower(${users.identityProviderUserId}) COLLATE "C"`,
};

const inUserSearch: UserKeys = {
  organizationId: userSearch.organizationId,
  id: userSearch.userId,
  state: userSearch.state,
  createdAt: userSearch.createdAt,
  name: sql`${userSearch.nameKey} COLLATE "C"`,
  displayName: sql`${userSearch.displayNameKey} COLLATE "C"`,
  email: sql`${userSearch.emailKey} COLLATE "C"`,
  identityProviderUserId: sql`${userSearch.identityProviderKey} COLLATE "C"`,
};

type TextKey = 'name' | 'displayName' | 'email' | 'identityProviderUserId';

/** Each order of the list: its columns, then the id. */
function sortColumns(keys: UserKeys, sort: UserSort | 'identityProviderUserId'): SortColumn[] {
  if (sort === 'state') return [{ expr: keys.state }, { expr: keys.name }];
  if (sort === 'createdAt') return [{ expr: keys.createdAt, type: 'timestamptz' }];
  return [{ expr: keys[sort] }];
}

/** Each WorkMail prefix filter and the key it ranges over. */
const prefixFilters = [
  ['name', 'namePrefix'],
  ['displayName', 'displayNamePrefix'],
  ['email', 'emailPrefix'],
  ['identityProviderUserId', 'identityProviderUserIdPrefix'],
] as const satisfies readonly (readonly [TextKey, keyof UsersFilter])[];

/** The order of a page: its columns (what a cursor carries) and direction. */
export function userListOrder(q: Pick<UsersPageQuery, 'sort' | 'descending'> & UsersFilter, keys: UserKeys = inUsers): ListOrder {
  const sort = q.sort ?? prefixFilters.find(([, filter]) => q[filter])?.[0] ?? 'name';
  return { columns: sortColumns(keys, sort), id: keys.id, descending: q.descending ?? false };
}

/** The organization, the state filter and WorkMail's prefix filters (exact prefixes, as WorkMail matches them). */
function filterConditions(keys: UserKeys, q: UsersFilter): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [eq(keys.organizationId, q.organizationId), q.state ? eq(keys.state, q.state) : ne(keys.state, 'DELETED')];
  for (const [key, filter] of prefixFilters) {
    const prefix = q[filter];
    if (prefix) conditions.push(startsWithPrefix(keys[key], prefix));
  }
  // Stated, not only implied by the range, so the planner can use the partial index `users_idp_user_id_page_idx`.
  if (q.identityProviderUserIdPrefix) conditions.push(isNotNull(keys.identityProviderUserId));
  if (q.accountId) conditions.push(organizationOfAccount(q.organizationId, q.accountId));
  return conditions;
}

/** The subqueries a search's page joins its users to: its matches, or the users walked in the list's order. */
const MATCHES = 'matches';
const WALKED = 'walked';

/**
 * A one-character search walks at most this many users in the list's order, checking each, before it turns to the
 * index of short pieces: a common character (in nine users of ten, "a") fills a page within the first sixty, where the
 * index would hand over all 82,000 of its matches to be sorted. A rare one (under one user in ten) pays the walk, about
 * a millisecond, then takes the index.
 */
const SHORT_SEARCH_WALK = 500;

/** The page's positions and order, read from the sort columns (`sort_0`…) of the subquery `from`. */
function orderOver(from: string, order: ListOrder): { positions: Record<string, SQL.Aliased>; page: ListOrder } {
  const positions = Object.fromEntries(order.columns.map((_, i) => [`sort_${i}`, sql`${sql.identifier(from)}.${sql.identifier(`sort_${i}`)}`.as(`sort_${i}`)]));
  const page: ListOrder = { columns: order.columns.map((c, i) => ({ ...c, expr: sql`${sql.identifier(`sort_${i}`)}` })), id: users.id, descending: order.descending };
  return { positions, page };
}

/**
 * A page of users in the order asked for, after `after`. Without a search, the order's page index is walked and
 * stops after the page. A search's matches come from `user_search`'s text index and are sorted there, on its
 * narrow rows (their sort keys included), and only the page's users are then read from `users`: an index walk in
 * the list's order would stop early only when the matches come early in it — which a one-character search tries
 * first (`SHORT_SEARCH_WALK`).
 */
export async function listUsersPage(db: Db, q: UsersPageQuery): Promise<UserPageRow[]> {
  if (!q.search) {
    const order = userListOrder(q);
    const rows = await db
      .select({ ...userSummaryColumns, ...positionFields(order) })
      .from(users)
      .where(and(...filterConditions(inUsers, q), afterPosition(order, q.after)))
      .orderBy(...orderOf(order))
      .limit(q.limit);
    return withPositions<UserSummary>(rows, userSummaryColumns, order);
  }
  if ([...q.search].length === 1) {
    const walked = await walkedSearchPage(db, { ...q, search: q.search });
    if (walked) return walked;
  }
  const order = userListOrder(q, inUserSearch);
  const matches = db
    .select({ userId: userSearch.userId, ...positionFields(order) })
    .from(userSearch)
    .where(and(...filterConditions(inUserSearch, q), containsFragment(userSearch.searchText, q.search), afterPosition(order, q.after)))
    .orderBy(...orderOf(order))
    .limit(q.limit)
    .as(MATCHES);
  const { positions, page } = orderOver(MATCHES, order);
  const rows = await db
    .select({ ...userSummaryColumns, ...positions })
    .from(matches)
    .innerJoin(users, and(eq(users.organizationId, q.organizationId), eq(users.id, matches.userId)))
    .orderBy(...orderOf(page));
  return withPositions<UserSummary>(rows, userSummaryColumns, order);
}

/**
 * The search's page from the first `SHORT_SEARCH_WALK` users after `after` in the list's order (its page index),
 * each checked against its search row; null when they hold less than a page, so the index must answer. A full page
 * is the answer: any match beyond the walk comes after it in the order.
 */
async function walkedSearchPage(db: Db, q: UsersPageQuery & { search: string }): Promise<UserPageRow[] | null> {
  const order = userListOrder(q);
  const walked = db
    .select({ id: users.id, ...positionFields(order) })
    .from(users)
    .where(and(...filterConditions(inUsers, q), afterPosition(order, q.after)))
    .orderBy(...orderOf(order))
    .limit(SHORT_SEARCH_WALK)
    .as(WALKED);
  const { positions, page } = orderOver(WALKED, order);
  const rows = await db
    .select({ ...userSummaryColumns, ...positions })
    .from(walked)
    .innerJoin(userSearch, and(eq(userSearch.organizationId, q.organizationId), eq(userSearch.userId, walked.id), containsExactly(userSearch.searchText, q.search)))
    .innerJoin(users, and(eq(users.organizationId, q.organizationId), eq(users.id, walked.id)))
    .orderBy(...orderOf(page))
    .limit(q.limit);
  return rows.length === q.limit ? withPositions<UserSummary>(rows, userSummaryColumns, order) : null;
}

/**
 * How many users the filter matches: exact up to `EXACT_COUNT_LIMIT`, else an estimate. A search counts in
 * `user_search`, exactly when its samples promise a small total (`sampledTotal`), else estimated from one.
 */
export async function countUsers(db: Db, q: UsersFilter): Promise<ListTotal> {
  if (!q.search) return listTotal(db, db.select({ id: users.id }).from(users).where(and(...filterConditions(inUsers, q))).getSQL());
  const matches = [...filterConditions(inUserSearch, q), containsFragment(userSearch.searchText, q.search)];
  const select = (...more: SQL[]) => db.select({ id: userSearch.userId }).from(userSearch).where(and(...matches, ...more)).getSQL();
  return sampledTotal(db, { matching: select(), samples: userSearchSamples.map((s) => ({ query: select(s.where(userSearch.userId)), fraction: s.fraction })) });
}
