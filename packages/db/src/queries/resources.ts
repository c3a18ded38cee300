import { and, eq, gt, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import type { EntityState, MemberType } from '@mailyard/core/entities';
import { uuidOfResourceId, type BookingOptions, type ResourceDelegateSummary, type ResourceDetail, type ResourceSummary, type ResourceType } from '@mailyard/core/resources';
import type { Db } from '../client.ts';
import { startsWithPrefix } from '../prefix-range.ts';
import { addresses, groups, resourceDelegates, resources, users } from '../schema/index.ts';

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

export interface ResourcesFilter {
  organizationId: string;
  /** A fragment of the name or the primary address, without case. */
  search?: string | undefined;
  namePrefix?: string | undefined;
  emailPrefix?: string | undefined;
  /** One state; absent = every state but DELETED. */
  state?: EntityState | undefined;
}

/** The position of a row in the by-name list: the lower-cased name and the UUID. */
export type ResourceKey = [string, string];

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A page of resources by name (`resources_name_page_idx`), after `after`. An organization has few resources (rooms
 * and equipment), so the search box's fragment is a filter over that range rather than an index of its own.
 */
export async function listResourcesPage(
  db: Db,
  q: ResourcesFilter & { after: ResourceKey | null; limit: number },
): Promise<(ResourceSummary & { key: ResourceKey })[]> {
  const where: (SQL | undefined)[] = [
    eq(resources.organizationId, q.organizationId),
    q.state ? eq(resources.state, q.state) : ne(resources.state, 'DELETED'),
  ];
  if (q.namePrefix) where.push(startsWithPrefix(nameKey, q.namePrefix));
  if (q.emailPrefix) where.push(startsWithPrefix(emailKey, q.emailPrefix));
  if (q.search) {
    const fragment = `%${escapeLike(q.search)}%`;
    where.push(or(ilike(resources.name, fragment), ilike(resources.primaryEmail, fragment)));
  }
  if (q.after) where.push(sql`(${nameKey}, ${resources.id}) > (${q.after[0]}, ${q.after[1]}::uuid)`);
  const rows = await db
    .select({ ...summaryColumns, sortName: nameKey, uuid: sql<string>`${resources.id}::text` })
    .from(resources)
    .where(and(...where))
    .orderBy(nameKey, resources.id)
    .limit(q.limit);
  return rows.map(({ sortName, uuid, ...summary }) => ({ ...summary, key: [sortName, uuid] }));
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
