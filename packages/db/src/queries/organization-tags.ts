import type { Tag } from '@mailyard/core/organizations';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { organizationTags } from '../schema/index.ts';

const columns = { key: organizationTags.key, value: organizationTags.value };

/** The organization's tags by key (50 at most, so one answer holds them all). */
export async function listOrganizationTags(db: Db, organizationId: string): Promise<Tag[]> {
  return db.select(columns).from(organizationTags).where(eq(organizationTags.organizationId, organizationId)).orderBy(asc(organizationTags.key));
}

/** Adds the tags, replacing the value of a key the organization already has. */
export async function upsertOrganizationTags(db: Db, organizationId: string, tags: readonly Tag[], now: Date): Promise<void> {
  await db
    .insert(organizationTags)
    .values(tags.map((t) => ({ organizationId, key: t.key, value: t.value, updatedAt: now })))
    .onConflictDoUpdate({
      target: [organizationTags.organizationId, organizationTags.key],
      set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
    });
}

/** Removes the tags with these keys; returns those that were there. */
export async function deleteOrganizationTags(db: Db, organizationId: string, keys: readonly string[]): Promise<Tag[]> {
  return db
    .delete(organizationTags)
    .where(and(eq(organizationTags.organizationId, organizationId), inArray(organizationTags.key, [...keys])))
    .returning(columns);
}
