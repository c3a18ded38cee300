import type { EntityState } from '@mailyard/core/entities';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import type { OperatorActor } from './actor.ts';
import { readInOrganization, readOwnOrganizationPage, type OrganizationCheck } from './organizations/require.ts';
import { cursorKey, pageOf, positionSchema } from './page.ts';

/** The filters of a groups or resources list as its query reads them: the console's search and state, WorkMail's prefixes. */
export const entityListFilters = (input: {
  organizationId: string;
  search?: string | undefined;
  namePrefix?: string | undefined;
  primaryEmailPrefix?: string | undefined;
  state?: EntityState | undefined;
}) => ({ organizationId: input.organizationId, search: input.search, namePrefix: input.namePrefix, emailPrefix: input.primaryEmailPrefix, state: input.state });

/** What a cursor of one of an organization's lists is bound to: the list, the organization, its filters and its order. */
export const listScope = (list: string, organizationId: string, view: object): string => JSON.stringify([list, organizationId, view]);

/**
 * A page of one of an organization's sorted lists (users, groups, resources), read after the cursor's position. The
 * cursor is bound to the list's scope, so replaying it against another organization, other filters or another order is
 * refused. Without a `check`, the page's own statement proves the organization is the actor's (`readOwnOrganizationPage`);
 * a check that asks more (WorkMail's lists: the organization must be Active) is sent alongside it.
 */
export async function organizationListPage<T>(
  db: Db,
  actor: OperatorActor,
  input: { organizationId: string; cursor?: string | undefined; limit: number },
  list: {
    scope: string;
    /** The order's columns: the shape a cursor's position must have. */
    columns: readonly { type?: 'timestamptz' }[];
    /** The page after `after`; with `accountId`, only when the organization is that account's. */
    read: (after: string[] | null, limit: number, accountId?: string) => Promise<(T & { position: string[] })[]>;
  },
  check?: OrganizationCheck,
): Promise<Page<T>> {
  const after = cursorKey(list.scope, input.cursor, positionSchema(list.columns));
  const rows = check
    ? await readInOrganization(db, actor, input.organizationId, () => list.read(after, input.limit + 1), check)
    : await readOwnOrganizationPage(db, actor, input.organizationId, (accountId) => list.read(after, input.limit + 1, accountId));
  const page = pageOf(rows, input.limit, list.scope, (row) => row.position);
  return { ...page, items: page.items.map(({ position: _, ...item }) => item as T) };
}
