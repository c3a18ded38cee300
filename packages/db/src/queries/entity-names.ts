import { and, eq, ne, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { EntityType, NameHolder } from '@mailyard/core/entities';
import type { Db } from '../client.ts';
import { groups, resources, users } from '../schema/index.ts';

/**
 * Serialises, until the transaction ends, every request that gives an entity of the organization this name (without
 * case, as the `…_name_key` indexes compare): users, groups and resources share one set of names, which no single
 * unique index can hold. Taken before `findNameHolders`, whose next statement then sees what the previous holder of
 * the lock committed. A transaction takes one name lock at most, so two never wait on each other.
 */
export async function lockEntityName(db: Db, organizationId: string, name: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended('name:' || ${organizationId} || ':' || lower(${name}), 0))`);
}

const holderOf = (type: EntityType, table: typeof users | typeof groups | typeof resources, organizationId: string, name: string) =>
  // Each branch is one look-up of its table's `…_name_key` index.
  (db: Db) =>
    db
      .select({ type: sql<EntityType>`${type}`.as('type'), id: sql<string>`${table.id}::text`.as('id'), name: table.name })
      .from(table)
      .where(and(eq(table.organizationId, organizationId), sql`lower(${table.name}) = lower(${name})`, ne(table.state, 'DELETED')));

/**
 * The users, groups and resources not deleted that hold `name`, compared without case. Ids are the tables' UUIDs (a
 * resource's too), as a rename compares them with its own.
 */
export async function findNameHolders(db: Db, organizationId: string, name: string): Promise<NameHolder[]> {
  return unionAll(
    holderOf('USER', users, organizationId, name)(db),
    holderOf('GROUP', groups, organizationId, name)(db),
    holderOf('RESOURCE', resources, organizationId, name)(db),
  );
}
