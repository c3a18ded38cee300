import type { CountGroupsInput, GroupSummary, ListGroupsInput } from '@mailyard/core/groups';
import type { ListTotal, Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { countGroups as countGroupsQuery, groupListOrder, listGroupsPage, type GroupsFilter } from '@mailyard/db/queries/groups';
import type { OperatorActor } from '../actor.ts';
import { readInOrganization, type OrganizationCheck } from '../organizations/require.ts';
import { cursorKey, pageOf, positionSchema } from '../page.ts';

const filtersOf = (organizationId: string, input: CountGroupsInput): GroupsFilter => ({
  organizationId,
  search: input.search,
  namePrefix: input.namePrefix,
  emailPrefix: input.primaryEmailPrefix,
  state: input.state,
});

/** A page of the organization's groups: the console's search, state filter and sort, or WorkMail's ListGroups filters. */
export async function listGroups(
  db: Db,
  actor: OperatorActor,
  input: ListGroupsInput,
  /** What the organization must be: reachable (the console lists any state), or also Active (WorkMail's lists). */
  check?: OrganizationCheck,
): Promise<Page<GroupSummary>> {
  const query = { ...filtersOf(input.organizationId, input), sort: input.sort, descending: input.descending };
  // A cursor resumes only the list it came from: same organization, same filters, same order.
  const scope = JSON.stringify(['groups', input.organizationId, { ...query, organizationId: undefined }]);
  const after = cursorKey(scope, input.cursor, positionSchema(groupListOrder(query).columns));
  const rows = await readInOrganization(db, actor, input.organizationId, () => listGroupsPage(db, { ...query, after, limit: input.limit + 1 }), check);
  const page = pageOf(rows, input.limit, scope, (row) => row.position);
  return { ...page, items: page.items.map(({ position: _, ...group }) => group) };
}

/** How many groups the list holds under the same filters: exact when cheap to count, else an estimate so labelled. */
export async function countGroups(db: Db, actor: OperatorActor, input: CountGroupsInput): Promise<ListTotal> {
  return readInOrganization(db, actor, input.organizationId, () => countGroupsQuery(db, filtersOf(input.organizationId, input)));
}
