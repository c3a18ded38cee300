import { and, eq, gt, lt, sql } from 'drizzle-orm';
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

/** Takes one hit back from a window (never below zero). */
export async function unhitRateLimit(db: Db, window: RateLimitWindow): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(and(eq(rateLimits.key, window.key), eq(rateLimits.windowStart, window.windowStart), gt(rateLimits.count, 0)));
}

export async function rateLimitCount(db: Db, key: string, windowStart: Date): Promise<number> {
  const rows = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart)));
  return rows[0]?.count ?? 0;
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

export async function deleteOldRateLimits(db: Db, before: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
}
