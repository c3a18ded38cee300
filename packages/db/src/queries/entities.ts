import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { EntityState, EntitySummary, MemberType } from '@mailyard/core/entities';
import type { Db } from '../client.ts';
import { addresses, groups, users } from '../schema/index.ts';

/**
 * Look-ups of "a user or a group" for operations that accept either (group members, mailbox permissions, the
 * WorkMail API's EntityIdentifier). Each is an index look-up on both tables, never a scan.
 */
const userColumns = {
  type: sql<MemberType>`'USER'`,
  id: users.id,
  name: users.name,
  state: sql<EntityState>`${users.state}`,
  email: users.primaryEmail,
};
const groupColumns = {
  type: sql<MemberType>`'GROUP'`,
  id: groups.id,
  name: groups.name,
  state: sql<EntityState>`${groups.state}`,
  email: groups.primaryEmail,
};

const userById = (organizationId: string, id: string) => and(eq(users.organizationId, organizationId), eq(users.id, id));
const groupById = (organizationId: string, id: string) => and(eq(groups.organizationId, organizationId), eq(groups.id, id));

/** The user or group with this id in the organization (any state), by primary key. */
export async function findEntityById(db: Db, organizationId: string, id: string): Promise<EntitySummary | null> {
  const [row] = await unionAll(
    db.select(userColumns).from(users).where(userById(organizationId, id)),
    db.select(groupColumns).from(groups).where(groupById(organizationId, id)),
  );
  return row ?? null;
}

/**
 * As `findEntityById`, locking the row `FOR SHARE` until the transaction ends: a concurrent delete waits, so a
 * membership or permission is never added to an entity that is being deleted. `type`, when known, saves a look-up.
 */
export async function lockEntity(db: Db, organizationId: string, id: string, type?: MemberType): Promise<EntitySummary | null> {
  if (type !== 'GROUP') {
    const [user] = await db.select(userColumns).from(users).where(userById(organizationId, id)).for('share');
    if (user || type === 'USER') return user ?? null;
  }
  const [group] = await db.select(groupColumns).from(groups).where(groupById(organizationId, id)).for('share');
  return group ?? null;
}

/**
 * Users and groups not deleted whose name is `name` without case (the `users_name_key` and `groups_name_key`
 * indexes). Names are unique per table, so at most one user and one group.
 */
export async function findEntitiesByName(db: Db, organizationId: string, name: string): Promise<EntitySummary[]> {
  return unionAll(
    db
      .select(userColumns)
      .from(users)
      .where(and(eq(users.organizationId, organizationId), sql`lower(${users.name}) = lower(${name})`, ne(users.state, 'DELETED'))),
    db
      .select(groupColumns)
      .from(groups)
      .where(and(eq(groups.organizationId, organizationId), sql`lower(${groups.name}) = lower(${name})`, ne(groups.state, 'DELETED'))),
  );
}

/**
 * The user or group holding `address` (primary or alias) in the organization, through the global address table; an
 * address a resource holds is not one (`findResourceByAddress`).
 */
export async function findEntityByAddress(db: Db, organizationId: string, address: string): Promise<EntitySummary | null> {
  const [row] = await db
    .select({
      type: sql<MemberType>`${addresses.entityType}`,
      id: addresses.entityId,
      name: sql<string>`coalesce(${users.name}, ${groups.name})`,
      state: sql<EntityState>`coalesce(${users.state}, ${groups.state})`,
      email: sql<string | null>`coalesce(${users.primaryEmail}, ${groups.primaryEmail})`,
    })
    .from(addresses)
    .leftJoin(users, and(eq(addresses.entityType, 'USER'), eq(users.organizationId, addresses.organizationId), eq(users.id, addresses.entityId)))
    .leftJoin(groups, and(eq(addresses.entityType, 'GROUP'), eq(groups.organizationId, addresses.organizationId), eq(groups.id, addresses.entityId)))
    .where(and(eq(addresses.address, address.toLowerCase()), eq(addresses.organizationId, organizationId), inArray(addresses.entityType, ['USER', 'GROUP'])));
  return row ?? null;
}
