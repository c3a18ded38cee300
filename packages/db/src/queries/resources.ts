import { and, eq, gt, ne, sql, type SQL } from 'drizzle-orm';
import type { EntityState, MemberType } from '@mailyard/core/entities';
import type { ListTotal } from '@mailyard/core/pagination';
import { uuidOfResourceId, type BookingOptions, type ResourceDelegateSummary, type ResourceDetail, type ResourceSort, type ResourceSummary, type ResourceType } from '@mailyard/core/resources';
import type { Db } from '../client.ts';
import { entityFilter, entityListOrder, type EntityKeys, type EntityListFilter, type EntityPageQuery } from '../entity-list.ts';
import type { ListOrder, Position, SortColumn } from '../keyset.ts';
import { addresses, groups, resourceDelegates, resources, users } from '../schema/index.ts';
import { searchablePage, searchableTotal, type SearchableTable } from '../searchable-list.ts';

/**
 * Resources are addressed by WorkMail's id (`r-` + 32 hex) outside this file and by the UUID inside: every query
 * takes the `r-` form and converts it, and every row comes back with it.
 */
const publicId = sql<string>`'r-' || replace(${resources.id}::text, '-', '')`;
const nameKey = sql<string>`lower(${resources.name}) COLLATE "C"`;
const emailKey = sql<string>`coalesce(${resources.primaryEmail}, '') COLLATE "C"`;

const summaryColumns = {
  id: publicId,
  name: resources.name,
  type: sql<ResourceType>`${resources.type}`,
  description: resources.description,
  email: resources.primaryEmail,
  state: sql<EntityState>`${resources.state}`,
  enabledAt: resources.enabledAt,
  disabledAt: resources.disabledAt,
  createdAt: resources.createdAt,
};

const detailColumns = {
  ...summaryColumns,
  autoAcceptRequests: resources.autoAcceptRequests,
  autoDeclineRecurringRequests: resources.autoDeclineRecurringRequests,
  autoDeclineConflictingRequests: resources.autoDeclineConflictingRequests,
  hiddenFromGlobalAddressList: resources.hiddenFromGlobalAddressList,
  updatedAt: resources.updatedAt,
};

type DetailRow = Omit<ResourceDetail, 'bookingOptions'> & BookingOptions;

function toDetail({ autoAcceptRequests, autoDeclineRecurringRequests, autoDeclineConflictingRequests, ...rest }: DetailRow): ResourceDetail {
  return { ...rest, bookingOptions: { autoAcceptRequests, autoDeclineRecurringRequests, autoDeclineConflictingRequests } };
}

const byId = (organizationId: string, id: string) => and(eq(resources.organizationId, organizationId), eq(resources.id, uuidOfResourceId(id)));

/**
 * Inserts a resource. Names are unique per organization without case among resources not deleted (raising unique
 * violation `resources_name_key`); the name's lock (`lockEntityName`) keeps them apart from users' and groups'.
 */
export async function insertResource(
  db: Db,
  row: {
    organizationId: string;
    id: string;
    name: string;
    type: ResourceType;
    description: string | null;
    hiddenFromGlobalAddressList: boolean;
    bookingOptions: BookingOptions;
    createdAt: Date;
  },
): Promise<ResourceDetail> {
  const { id, bookingOptions, ...rest } = row;
  const [created] = await db
    .insert(resources)
    .values({ ...rest, ...bookingOptions, id: uuidOfResourceId(id), state: 'DISABLED', primaryEmail: null, updatedAt: row.createdAt })
    .returning(detailColumns);
  return toDetail(created!);
}

/** A resource of the organization (any state), or null. `lock` holds the row for the rest of the transaction. */
export async function findResource(db: Db, organizationId: string, id: string, lock?: 'update' | 'share'): Promise<ResourceDetail | null> {
  const query = db.select(detailColumns).from(resources).where(byId(organizationId, id));
  const [row] = lock ? await query.for(lock) : await query;
  return row ? toDetail(row) : null;
}

/** The resource not deleted named `name` without case (`resources_name_key`), or null. */
export async function findResourceByName(db: Db, organizationId: string, name: string): Promise<ResourceDetail | null> {
  const [row] = await db
    .select(detailColumns)
    .from(resources)
    .where(and(eq(resources.organizationId, organizationId), sql`lower(${resources.name}) = lower(${name})`, ne(resources.state, 'DELETED')));
  return row ? toDetail(row) : null;
}

/** The resource holding `address` in the organization (its primary address), through the global address table. */
export async function findResourceByAddress(db: Db, organizationId: string, address: string): Promise<ResourceDetail | null> {
  const [row] = await db
    .select(detailColumns)
    .from(addresses)
    .innerJoin(resources, and(eq(resources.organizationId, addresses.organizationId), eq(resources.id, addresses.entityId)))
    .where(and(eq(addresses.address, address.toLowerCase()), eq(addresses.organizationId, organizationId), eq(addresses.entityType, 'RESOURCE')));
  return row ? toDetail(row) : null;
}

export interface ResourcePatch {
  name?: string;
  type?: ResourceType;
  description?: string | null;
  primaryEmail?: string | null;
  state?: EntityState;
  hiddenFromGlobalAddressList?: boolean;
  bookingOptions?: BookingOptions;
  enabledAt?: Date | null;
  disabledAt?: Date | null;
  updatedAt: Date;
}

export async function updateResource(db: Db, organizationId: string, id: string, patch: ResourcePatch): Promise<void> {
  const { bookingOptions, ...rest } = patch;
  await db
    .update(resources)
    .set({ ...rest, ...bookingOptions })
    .where(byId(organizationId, id));
}

export type ResourcesFilter = EntityListFilter;
export type ResourcesPageQuery = EntityPageQuery<ResourceSort>;

/** Every order of the list and its page index (`resources_name_page_idx`, `…_type_name_…`, `…_email_…`, `…_state_name_…`, `…_created_…`). */
const sortColumns: Record<ResourceSort, SortColumn[]> = {
  name: [{ expr: nameKey }],
  type: [{ expr: resources.type }, { expr: nameKey }],
  email: [{ expr: emailKey }],
  state: [{ expr: resources.state }, { expr: nameKey }],
  createdAt: [{ expr: resources.createdAt, type: 'timestamptz' }],
};

const keys: EntityKeys = { organizationId: resources.organizationId, id: resources.id, state: resources.state, name: nameKey, email: emailKey };

export const resourceListOrder = (q: Omit<ResourcesPageQuery, 'organizationId' | 'after' | 'limit'>): ListOrder => entityListOrder(keys, sortColumns, q);

/** Resources have no aliases: a search matches their own text (`resources_search_idx`) only. */
const resourcesTable: SearchableTable = { table: resources, tenant: resources.organizationId, id: resources.id, searchText: resources.searchText };

/** A page of resources in the order asked for, after `after` (see `searchablePage`). */
export async function listResourcesPage(db: Db, q: ResourcesPageQuery): Promise<(ResourceSummary & { position: Position })[]> {
  const rows = await searchablePage<ResourceSummary>(db, resourcesTable, { ...entityFilter(keys, q), order: resourceListOrder(q), after: q.after, limit: q.limit }, summaryColumns);
  // A position ends with the row's id as its order compares it: the UUID, not the `r-` id the row shows.
  for (const row of rows) row.position[row.position.length - 1] = uuidOfResourceId(row.id);
  return rows;
}

/** How many resources the filter matches: exact up to `EXACT_COUNT_LIMIT`, else an estimate. */
export async function countResources(db: Db, q: ResourcesFilter): Promise<ListTotal> {
  return searchableTotal(db, resourcesTable, entityFilter(keys, q));
}

/** Adds a delegate; `false` when it already was one (adding again changes nothing). */
export async function insertResourceDelegate(
  db: Db,
  row: { organizationId: string; resourceId: string; delegateId: string; delegateType: MemberType; createdAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(resourceDelegates)
    .values({ ...row, resourceId: uuidOfResourceId(row.resourceId) })
    .onConflictDoNothing()
    .returning({ delegateId: resourceDelegates.delegateId });
  return inserted.length > 0;
}

/** Removes a delegate; `false` when it was not one. */
export async function deleteResourceDelegate(db: Db, q: { organizationId: string; resourceId: string; delegateId: string }): Promise<boolean> {
  const deleted = await db
    .delete(resourceDelegates)
    .where(
      and(
        eq(resourceDelegates.organizationId, q.organizationId),
        eq(resourceDelegates.resourceId, uuidOfResourceId(q.resourceId)),
        eq(resourceDelegates.delegateId, q.delegateId),
      ),
    )
    .returning({ delegateId: resourceDelegates.delegateId });
  return deleted.length > 0;
}

/** How many delegates a resource has. */
export async function countResourceDelegates(db: Db, organizationId: string, resourceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(resourceDelegates)
    .where(and(eq(resourceDelegates.organizationId, organizationId), eq(resourceDelegates.resourceId, uuidOfResourceId(resourceId))));
  return row?.n ?? 0;
}

/** Removes every delegate of a resource (it is being deleted). Returns how many it had. */
export async function deleteAllResourceDelegates(db: Db, organizationId: string, resourceId: string): Promise<number> {
  const deleted = await db
    .delete(resourceDelegates)
    .where(and(eq(resourceDelegates.organizationId, organizationId), eq(resourceDelegates.resourceId, uuidOfResourceId(resourceId))))
    .returning({ delegateId: resourceDelegates.delegateId });
  return deleted.length;
}

/** Takes a user or group being deleted off every resource it was a delegate of. Returns of how many. */
export async function deleteDelegations(db: Db, organizationId: string, delegateId: string): Promise<number> {
  const deleted = await db
    .delete(resourceDelegates)
    .where(and(eq(resourceDelegates.organizationId, organizationId), eq(resourceDelegates.delegateId, delegateId)))
    .returning({ resourceId: resourceDelegates.resourceId });
  return deleted.length;
}

/** A page of a resource's delegates in delegate-id order (the primary key serves it), with their names. */
export async function listResourceDelegatesPage(
  db: Db,
  q: { organizationId: string; resourceId: string; after: string | null; limit: number },
): Promise<ResourceDelegateSummary[]> {
  const where: SQL[] = [eq(resourceDelegates.organizationId, q.organizationId), eq(resourceDelegates.resourceId, uuidOfResourceId(q.resourceId))];
  if (q.after) where.push(gt(resourceDelegates.delegateId, q.after));
  return db
    .select({
      id: resourceDelegates.delegateId,
      type: sql<MemberType>`${resourceDelegates.delegateType}`,
      name: sql<string>`coalesce(${users.name}, ${groups.name})`,
      email: sql<string | null>`coalesce(${users.primaryEmail}, ${groups.primaryEmail})`,
      state: sql<EntityState>`coalesce(${users.state}, ${groups.state})`,
    })
    .from(resourceDelegates)
    .leftJoin(users, and(eq(users.organizationId, resourceDelegates.organizationId), eq(users.id, resourceDelegates.delegateId), eq(resourceDelegates.delegateType, 'USER')))
    .leftJoin(groups, and(eq(groups.organizationId, resourceDelegates.organizationId), eq(groups.id, resourceDelegates.delegateId), eq(resourceDelegates.delegateType, 'GROUP')))
    .where(and(...where))
    .orderBy(resourceDelegates.delegateId)
    .limit(q.limit);
}
