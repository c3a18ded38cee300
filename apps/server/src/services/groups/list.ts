import type { CountGroupsInput, GroupSummary, ListGroupsInput } from '@mailyard/core/groups';
import type { ListTotal, Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { countGroups as countGroupsQuery, groupListOrder, listGroupsPage } from '@mailyard/db/queries/groups';
import type { OperatorActor } from '../actor.ts';
import { entityListFilters, listScope, organizationListPage } from '../organization-list.ts';
import { readInOrganization, type OrganizationCheck } from '../organizations/require.ts';

/** A page of the organization's groups: the console's search, state filter and sort, or WorkMail's ListGroups filters. */
export async function listGroups(
  db: Db,
  actor: OperatorActor,
  input: ListGroupsInput,
  /** What the organization must be: reachable (the console lists any state), or also Active (WorkMail's lists). */
  check?: OrganizationCheck,
): Promise<Page<GroupSummary>> {
  const query = { ...entityListFilters(input), sort: input.sort, descending: input.descending };
  const list = {
    scope: listScope('groups', input.organizationId, { ...query, organizationId: undefined }),
    columns: groupListOrder(query).columns,
    read: (after: string[] | null, limit: number, accountId?: string) => listGroupsPage(db, { ...query, after, limit, accountId }),
  };
  return organizationListPage(db, actor, input, list, check);
}

/** How many groups the list holds under the same filters: exact when cheap to count, else an estimate so labelled. */
export async function countGroups(db: Db, actor: OperatorActor, input: CountGroupsInput): Promise<ListTotal> {
  return readInOrganization(db, actor, input.organizationId, () => countGroupsQuery(db, entityListFilters(input)));
}
