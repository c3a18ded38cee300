import { sql, type SQL } from 'drizzle-orm';
import type { ListTotal } from '@mailyard/core/pagination';
import type { Db } from './client.ts';

/**
 * Lists up to this many rows are counted exactly: counting them reads at most this many index entries (a couple of
 * milliseconds). A larger list reports the planner's estimate, labelled as one, so a total never costs a scan of
 * 100,000 rows.
 */
export const EXACT_COUNT_LIMIT = 10_000;

/**
 * The total of the rows `matching` (a SELECT without ORDER BY or LIMIT) returns. `countable: false` when even a
 * bounded count could read the whole organization (a search too short for the trigram index, whose rare matches
 * only a full walk finds): the estimate then, at once.
 */
export async function listTotal(db: Db, matching: SQL, countable = true): Promise<ListTotal> {
  if (!countable) return { count: await estimatedRows(db, matching), exact: false };
  const [counted] = await db.execute<{ n: number }>(sql`select count(*)::int as n from (${matching} limit ${EXACT_COUNT_LIMIT + 1}) as counted`);
  const n = counted?.n ?? 0;
  if (n <= EXACT_COUNT_LIMIT) return { count: n, exact: true };
  // The count already proved more than the limit; an estimate below it would contradict what was counted.
  return { count: Math.max(await estimatedRows(db, matching), EXACT_COUNT_LIMIT + 1), exact: false };
}

/** The planner's estimate of the rows a query returns (from the table statistics; nothing is read). */
async function estimatedRows(db: Db, query: SQL): Promise<number> {
  const [plan] = await db.execute<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(sql`explain (format json) ${query}`);
  return Math.round(plan?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
}
