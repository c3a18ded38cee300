import type { CountOrganizationsInput, ListOrganizationsInput, OrganizationSummary } from '@mailyard/core/organizations';
import { organizationId } from '@mailyard/core/organizations';
import type { ListTotal, Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import {
  countOrganizations as countOrganizationsQuery,
  listOrganizationsPage,
  organizationListOrder,
  type OrganizationsFilter,
} from '@mailyard/db/queries/organizations';
import type { OperatorActor } from '../actor.ts';
import { cursorKey, pageOf, positionSchema } from '../page.ts';

const filtersOf = (actor: OperatorActor, input: Partial<CountOrganizationsInput>): OrganizationsFilter => ({
  accountId: actor.accountId,
  organizationIds: actor.organizationIds,
  search: input.search,
  state: input.state,
  includeDeleted: input.includeDeleted ?? false,
});

/**
 * A page of the account's organizations (those a scoped credential reaches): searched, filtered by state and sorted
 * for the console, newest first without a sort (WorkMail's ListOrganizations). The cursor is bound to the filters and
 * the order, so replaying it against another list is refused.
 */
export async function listOrganizations(
  db: Db,
  actor: OperatorActor,
  input: Pick<ListOrganizationsInput, 'cursor' | 'limit' | 'includeDeleted'> & Partial<ListOrganizationsInput>,
): Promise<Page<OrganizationSummary>> {
  const query = { ...filtersOf(actor, input), sort: input.sort, descending: input.descending };
  const order = organizationListOrder(query);
  const scope = `organizations:${JSON.stringify({ ...query, accountId: undefined, organizationIds: undefined })}`;
  const after = cursorKey(scope, input.cursor, positionSchema(order.columns, organizationId));
  const rows = await listOrganizationsPage(db, { ...query, after, limit: input.limit + 1 });
  const page = pageOf(rows, input.limit, scope, (row) => row.position);
  return { ...page, items: page.items.map(({ position: _, ...org }) => org) };
}

/** How many organizations the list holds under the same filters: exact when cheap to count, else an estimate so labelled. */
export async function countOrganizations(db: Db, actor: OperatorActor, input: CountOrganizationsInput): Promise<ListTotal> {
  return countOrganizationsQuery(db, filtersOf(actor, input));
}
