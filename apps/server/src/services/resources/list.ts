import type { ListTotal, Page } from '@mailyard/core/pagination';
import type { CountResourcesInput, ListResourcesInput, ResourceSummary } from '@mailyard/core/resources';
import type { Db } from '@mailyard/db';
import { countResources as countResourcesQuery, listResourcesPage, resourceListOrder } from '@mailyard/db/queries/resources';
import type { OperatorActor } from '../actor.ts';
import { entityListFilters, listScope, organizationListPage } from '../organization-list.ts';
import { readInOrganization, type OrganizationCheck } from '../organizations/require.ts';

/** A page of the organization's resources: the console's search, state filter and sort, or WorkMail's ListResources filters. */
export async function listResources(
  db: Db,
  actor: OperatorActor,
  input: ListResourcesInput,
  /** What the organization must be: reachable (the console lists any state), or also Active (WorkMail's lists). */
  check?: OrganizationCheck,
): Promise<Page<ResourceSummary>> {
  const query = { ...entityListFilters(input), sort: input.sort, descending: input.descending };
  const list = {
    scope: listScope('resources', input.organizationId, { ...query, organizationId: undefined }),
    columns: resourceListOrder(query).columns,
    read: (after: string[] | null, limit: number, accountId?: string) => listResourcesPage(db, { ...query, after, limit, accountId }),
  };
  return organizationListPage(db, actor, input, list, check);
}

/** How many resources the list holds under the same filters: exact when cheap to count, else an estimate so labelled. */
export async function countResources(db: Db, actor: OperatorActor, input: CountResourcesInput): Promise<ListTotal> {
  return readInOrganization(db, actor, input.organizationId, () => countResourcesQuery(db, entityListFilters(input)));
}
