import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ListTotal } from '@mailyard/core/pagination';
import type { Db } from './client.ts';

/**
 * Lists up to this many rows are counted exactly: counting them reads at most this many index entries (a couple of
 * milliseconds). A larger list reports the planner's estimate, labelled as one, so a total never costs a scan of
 * 100,000 rows.
 */
export const EXACT_COUNT_LIMIT = 10_000;

/**
 * A sample holding more matches than this is scaled up into the total (`sampledTotal`) rather than every match
 * counted: its estimate is then within 9 % two times in three. With a sample of one in sixteen, a search is counted
 * exactly up to about 2,000 matches, each a heap page to check (a couple of milliseconds in all).
 */
export const SAMPLE_ENOUGH = 125;

/** A search's matches in one sample bucket, and the share of all its matches a bucket holds (1/`fraction`). */
export interface Sample {
  query: SQL;
  fraction: number;
}

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

/** How many rows of `table` a list with no filter beyond its scope `where` holds, as `listTotal` counts. */
export const scopeTotal = (db: Db, table: PgTable, where: SQL | undefined): Promise<ListTotal> =>
  listTotal(db, db.select({ one: sql`1` }).from(table).where(where).getSQL());

/**
 * The total of a search, `matching`, whose matches fall evenly into sample buckets: `samples` from the smallest share
 * to the largest. Each sample is counted only when the one before held at most `SAMPLE_ENOUGH` matches, and every
 * match only when the last counted did too; the first sample holding more is scaled up, labelled an estimate. A
 * sample is skipped when the one before promises it few (under half of `SAMPLE_ENOUGH` once scaled to its share): it
 * would only lead to counting every match, which then comes at once. A common fragment (82,000 matches of 100,000) is
 * then counted in its 1/256 sample, a last name (3,333) in its 1/16 one, and a rare one (257, or none) exactly without
 * the 1/16 sample's index scan, each reading a few hundred rows at most. One statement: a stage's count is a subquery
 * its `CASE` runs only when needed, each stage fenced (`offset 0`) so PostgreSQL cannot inline it and count twice.
 */
export async function sampledTotal(db: Db, q: { matching: SQL; samples: Sample[] }): Promise<ListTotal> {
  const counts = (query: SQL) => sql`(select count(*)::int from (${query}) as x)`;
  const stages = [...q.samples.map((s) => counts(s.query)), counts(sql`${q.matching} limit ${EXACT_COUNT_LIMIT + 1}`)];
  const stage = (i: number) => sql.raw(`s${i}.n`);
  /** The count of the last stage before `i` that ran: a skipped sample leaves its predecessor's. */
  const lastCounted = (i: number) => sql`coalesce(${sql.join(Array.from({ length: i }, (_, j) => stage(i - 1 - j)), sql`, `)})`;
  const runs = (i: number) => {
    if (i === q.samples.length) return sql`${lastCounted(i)} <= ${SAMPLE_ENOUGH}`;
    // What sample i - 1's count promises sample i, whose share is larger by this ratio.
    const scale = q.samples[i - 1]!.fraction / q.samples[i]!.fraction;
    return sql`${stage(i - 1)} <= ${SAMPLE_ENOUGH} and ${stage(i - 1)} * ${sql.raw(String(scale))} > ${sql.raw(String(SAMPLE_ENOUGH / 2))}`;
  };
  const joins = stages.map((count, i) =>
    i === 0 ? sql`(select ${count} as n) as s0` : sql`cross join lateral (select case when ${runs(i)} then ${count} end as n offset 0) as s${sql.raw(String(i))}`,
  );
  const columns = stages.map((_, i) => sql.raw(`s${i}.n as s${i}`));
  const [row] = await db.execute<Record<string, number | null>>(sql`select ${sql.join(columns, sql`, `)} from ${sql.join(joins, sql` `)}`);
  const found = stages.map((_, i) => row?.[`s${i}`] ?? null);
  for (const [i, sample] of q.samples.entries()) {
    const n = found[i];
    if (n !== null && n !== undefined && n > SAMPLE_ENOUGH) return { count: n * sample.fraction, exact: false };
  }
  // Counted up to the limit and one more: at the limit and one, only "more than the limit" is known.
  const counted = found.at(-1)!;
  return { count: counted, exact: counted <= EXACT_COUNT_LIMIT };
}

/** The planner's estimate of the rows a query returns (from the table statistics; nothing is read). */
async function estimatedRows(db: Db, query: SQL): Promise<number> {
  const [plan] = await db.execute<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(sql`explain (format json) ${query}`);
  return Math.round(plan?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
}
