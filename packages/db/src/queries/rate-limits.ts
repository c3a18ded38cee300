import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rateLimits } from '../schema/index.ts';

export interface RateLimitWindow {
  key: string;
  windowStart: Date;
}

/**
 * Adds one hit to each window and returns every window's count after it, by key: one statement
 * (`INSERT … ON CONFLICT DO UPDATE SET count = count + 1 RETURNING`), so concurrent hits each see a count of their
 * own and no two can both read "one left". Keys are locked in sorted order, so two callers never deadlock.
 */
export async function hitRateLimits(db: Db, windows: RateLimitWindow[]): Promise<Map<string, number>> {
  const sorted = [...windows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = await db
    .insert(rateLimits)
    .values(sorted.map((w) => ({ key: w.key, windowStart: w.windowStart, count: 1 })))
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ key: rateLimits.key, count: rateLimits.count });
  return new Map(rows.map((r) => [r.key, r.count]));
}

/** Each window's count as it stands, by key (absent: none yet); nothing is written. */
export async function readRateLimits(db: Db, windows: RateLimitWindow[]): Promise<Map<string, number>> {
  const keys = sql.join(
    windows.map((w) => sql`(${w.key}, ${w.windowStart.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const rows = await db.select({ key: rateLimits.key, count: rateLimits.count }).from(rateLimits).where(sql`(${rateLimits.key}, ${rateLimits.windowStart}) in (${keys})`);
  return new Map(rows.map((r) => [r.key, r.count]));
}

/**
 * After a success: forgets every window of `cleared` (a key) and takes one hit back from each of `unhit` (never below
 * zero), in one statement.
 */
export async function forgiveRateLimits(db: Db, q: { cleared: string | null; unhit: RateLimitWindow[] }): Promise<void> {
  const unhit = q.unhit.map((w) => sql`(${w.key}, ${w.windowStart.toISOString()}::timestamptz)`);
  const take = unhit.length
    ? sql`update ${rateLimits} set count = count - 1 where (key, window_start) in (${sql.join(unhit, sql`, `)}) and count > 0`
    : sql`select 1`;
  await db.execute(q.cleared === null ? take : sql`with cleared as (delete from ${rateLimits} where key = ${q.cleared}) ${take}`);
}

export async function rateLimitCount(db: Db, key: string, windowStart: Date): Promise<number> {
  const rows = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart)));
  return rows[0]?.count ?? 0;
}

export async function deleteOldRateLimits(db: Db, before: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
}
