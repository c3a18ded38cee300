import { encodeCursor, type ListTotal, type Page } from '@mailyard/core/pagination';
import type { CountUsersInput, ListUsersInput, UserSummary } from '@mailyard/core/users';
import type { Db } from '@mailyard/db';
import { countUsers as countUsersQuery, listUsersPage, userListOrder, type UsersFilter } from '@mailyard/db/queries/user-list';
import type { OperatorActor } from '../actor.ts';
import { listScope, organizationListPage } from '../organization-list.ts';
import { readInOrganization, type OrganizationCheck } from '../organizations/require.ts';

const filtersOf = (organizationId: string, input: Omit<CountUsersInput, 'organizationId'>): UsersFilter => ({
  organizationId,
  search: input.search,
  namePrefix: input.usernamePrefix,
  displayNamePrefix: input.displayNamePrefix,
  emailPrefix: input.primaryEmailPrefix,
  identityProviderUserIdPrefix: input.identityProviderUserIdPrefix,
  state: input.state,
});

/** A list's filters and order, without its page. */
type ListView = Omit<ListUsersInput, 'organizationId' | 'cursor' | 'limit'>;

/** What a cursor is bound to: the organization, the filters and the order. */
const scopeOf = (organizationId: string, input: ListView) =>
  listScope('users', organizationId, { ...filtersOf(organizationId, input), organizationId: undefined, sort: input.sort, descending: input.descending });

/**
 * The cursor of the page that follows `position` in the list `input` asks for: what a client holds after paging
 * there (the benchmark's deep pages, reached without walking every page through HTTP).
 */
export const usersCursorAt = (organizationId: string, input: ListView, position: string[]): string =>
  encodeCursor(scopeOf(organizationId, input), position);

/**
 * A page of the users list, system users included (the console labels them "System user"). Serves the console's
 * search box, state filter and sort, and WorkMail's ListUsers filters alike. The cursor is bound to the
 * organization, the filters and the order, so replaying it against another list is refused.
 */
export async function listUsers(
  db: Db,
  actor: OperatorActor,
  input: ListUsersInput,
  /** What the organization must be: reachable (the console lists any state), or also Active (WorkMail's lists). */
  check?: OrganizationCheck,
): Promise<Page<UserSummary>> {
  const query = { ...filtersOf(input.organizationId, input), sort: input.sort, descending: input.descending };
  const list = {
    scope: scopeOf(input.organizationId, input),
    columns: userListOrder(query).columns,
    read: (after: string[] | null, limit: number, accountId?: string) => listUsersPage(db, { ...query, after, limit, accountId }),
  };
  return organizationListPage(db, actor, input, list, check);
}

/** How many users the list holds under the same filters: exact when cheap to count, else an estimate so labelled. */
export async function countUsers(db: Db, actor: OperatorActor, input: CountUsersInput): Promise<ListTotal> {
  return readInOrganization(db, actor, input.organizationId, () => countUsersQuery(db, filtersOf(input.organizationId, input)));
}
