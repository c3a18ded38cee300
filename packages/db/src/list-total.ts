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
 * A search is counted exactly when its sample promises at most this many matches (`sampledTotal`): each costs a heap
 * page to check, and 2,000 a couple of milliseconds.
 */
export const EXACT_SEARCH_COUNT_LIMIT = 2_000;

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

/**
 * The total of a search, `matching`, whose matches fall evenly into `buckets` sample buckets, `sample` being the
 * matches of one. The sample is counted first, reading a bucket's share of the matches; only when it promises at most
 * `EXACT_SEARCH_COUNT_LIMIT` are they all counted (in the same statement, the count's subquery run only then). A larger
 * total is the sample scaled up, labelled an estimate: with 2,000 matches expected, the sample holds 125, its
 * estimate within about 9 % two times in three. One round trip either way.
 */
export async function sampledTotal(db: Db, q: { matching: SQL; sample: SQL; buckets: number }): Promise<ListTotal> {
  const [row] = await db.execute<{ sampled: number; counted: number | null }>(sql`
    select sampled.n as sampled,
           case when sampled.n * ${q.buckets} > ${EXACT_SEARCH_COUNT_LIMIT} then null
                else (select count(*)::int from (${q.matching} limit ${EXACT_COUNT_LIMIT + 1}) as counted) end as counted
    from (select count(*)::int as n from (${q.sample}) as sample) as sampled`);
  const estimate = (row?.sampled ?? 0) * q.buckets;
  const counted = row?.counted ?? null;
  if (counted !== null && counted <= EXACT_COUNT_LIMIT) return { count: counted, exact: true };
  return { count: counted === null ? estimate : Math.max(estimate, EXACT_COUNT_LIMIT + 1), exact: false };
}

/** The planner's estimate of the rows a query returns (from the table statistics; nothing is read). */
async function estimatedRows(db: Db, query: SQL): Promise<number> {
  const [plan] = await db.execute<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(sql`explain (format json) ${query}`);
  return Math.round(plan?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
}
