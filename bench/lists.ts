import type { MailyardClient } from '../packages/client/src/index.ts';
import { organizationSortColumns } from '../packages/core/src/organizations/index.ts';
import { userSortColumns, type UserSort } from '../packages/core/src/users/index.ts';
import type { Db } from '../packages/db/src/index.ts';
import type { Position } from '../packages/db/src/keyset.ts';
import { countOrganizations, listOrganizationsPage } from '../packages/db/src/queries/organizations.ts';
import { countUsers, listUsersPage, type UsersFilter } from '../packages/db/src/queries/user-list.ts';
import { usersCursorAt } from '../apps/server/src/services/users/list.ts';
import { typedQuery, type ListQuery, type ListQueryInput, type WireClient } from './wire-client.ts';

/**
 * One measured list call: through HTTP (a bare keep-alive client with an API token: the measure the targets are set on),
 * through the typed client (what a Node script sees), and its query function straight on SQL.
 */
export interface ListCase {
  label: string;
  kind: ListKind;
  http: () => Promise<unknown>;
  typed: () => Promise<unknown>;
  sql: (db: Db) => Promise<unknown>;
}

/** What a case measures, and its target (issue 17): p95 through HTTP at most this many milliseconds. */
export const listTargets = { page: 5, search: 15, count: 10 } as const;
export type ListKind = keyof typeof listTargets;

/** The deep page: the one after this many users (of 100,000), in each order. */
export const DEEP_POSITION = 80_000;
const WALK_PAGE = 1000;
const PAGE = 50;

/**
 * The cases at 100,000 users in one organization (of 1,000,000) and 1,000 organizations in the account: each sort's
 * first page and its page at `DEEP_POSITION` (the position walked to on SQL, the cursor a client would hold there), the
 * search box by fragments (a last name, one with an accent typed without it, an alias, a rare one, a short one), and
 * the counts (an estimate, an exact one).
 */
export async function listCases(
  clients: { wire: WireClient; typed: MailyardClient },
  db: Db,
  q: { accountId: string; organizationId: string },
  log: (line: string) => void,
): Promise<ListCase[]> {
  const { organizationId, accountId } = q;
  const cases: ListCase[] = [];
  /** A query's two HTTP calls: through the bare client and through the typed one. */
  const call = <Q extends ListQuery>(path: Q, input: ListQueryInput<Q>) => ({
    http: () => clients.wire.query(path, input),
    typed: () => typedQuery(clients.typed, path, input),
  });
  const usersPage = (sort: UserSort, after: Position | null, filter: Partial<UsersFilter> = {}) => (db: Db) =>
    listUsersPage(db, { organizationId, sort, after, limit: PAGE + 1, ...filter });

  for (const sort of userSortColumns) {
    cases.push({ label: `users by ${sort}: first page`, kind: 'page', ...call('users.list', { organizationId, limit: PAGE, sort }), sql: usersPage(sort, null) });
    log(`Walking to position ${DEEP_POSITION.toLocaleString('en-US')} by ${sort}…`);
    const { cursor, position } = await walk(db, organizationId, sort);
    cases.push({
      label: `users by ${sort}: page at ${DEEP_POSITION.toLocaleString('en-US')}`,
      kind: 'page',
      ...call('users.list', { organizationId, limit: PAGE, sort, cursor }),
      sql: usersPage(sort, position),
    });
  }
  cases.push({
    label: 'users by name descending: first page',
    kind: 'page',
    ...call('users.list', { organizationId, limit: PAGE, sort: 'name', descending: true }),
    sql: (d) => listUsersPage(d, { organizationId, sort: 'name', descending: true, after: null, limit: PAGE + 1 }),
  });

  const searches: [string, string][] = [
    ['smith', 'a last name (about 3,300 users)'],
    ['muller', '"Müller" typed without its accent'],
    ['jensen.sven', 'an alias only (one user in ten has one; 257 users have this one)'],
    ['costa4123', 'a rare fragment'],
    ['ab', 'two characters (the index of short pieces)'],
    ['a', 'one character, in nine users of ten (the worst case)'],
  ];
  for (const [search, what] of searches) {
    cases.push({
      label: `users search "${search}": ${what}`,
      kind: 'search',
      ...call('users.list', { organizationId, limit: PAGE, search }),
      sql: usersPage('name', null, { search }),
    });
  }

  const counts: [string, Partial<UsersFilter>][] = [
    ['users count: all (estimated)', {}],
    ['users count: state DISABLED (exact: none)', { state: 'DISABLED' }],
    ['users count: search "smith" (estimated from its sample)', { search: 'smith' }],
    ['users count: search "jensen.sven" (exact: 257)', { search: 'jensen.sven' }],
    ['users count: search "costa4123" (exact: none)', { search: 'costa4123' }],
    ['users count: search "ab" (estimated from its sample)', { search: 'ab' }],
    ['users count: search "a" (estimated from its sample)', { search: 'a' }],
  ];
  for (const [label, filter] of counts) {
    cases.push({ label, kind: 'count', ...call('users.count', { organizationId, ...filter }), sql: (d) => countUsers(d, { organizationId, ...filter }) });
  }

  for (const sort of organizationSortColumns) {
    cases.push({
      label: `organizations by ${sort}: first page (1,000 in the account)`,
      kind: 'page',
      ...call('organizations.list', { limit: PAGE, sort }),
      sql: (d) => listOrganizationsPage(d, { accountId, includeDeleted: false, sort, after: null, limit: PAGE + 1 }),
    });
  }
  cases.push({
    label: 'organizations search "ch-09"',
    kind: 'search',
    ...call('organizations.list', { limit: PAGE, sort: 'alias', search: 'ch-09' }),
    sql: (d) => listOrganizationsPage(d, { accountId, includeDeleted: false, search: 'ch-09', sort: 'alias', after: null, limit: PAGE + 1 }),
  });
  cases.push({
    label: 'organizations count: all',
    kind: 'count',
    ...call('organizations.count', {}),
    sql: (d) => countOrganizations(d, { accountId, includeDeleted: false }),
  });
  return cases;
}

/**
 * The position after `DEEP_POSITION` users in `sort`, walked to on SQL a thousand at a time, and the cursor a client
 * paging through HTTP would hold there (`usersCursorAt`, the service's own binding of cursors to their list).
 */
async function walk(db: Db, organizationId: string, sort: UserSort): Promise<{ cursor: string; position: Position }> {
  let position: Position | null = null;
  for (let seen = 0; seen < DEEP_POSITION; seen += WALK_PAGE) {
    const rows = await listUsersPage(db, { organizationId, sort, after: position, limit: WALK_PAGE });
    position = rows.at(-1)!.position;
  }
  return { cursor: usersCursorAt(organizationId, { sort, descending: false }, position!), position: position! };
}
