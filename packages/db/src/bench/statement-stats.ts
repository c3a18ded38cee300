import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

/** A statement's totals since the last reset, as pg_stat_statements normalises it (constants as `$n`). */
export type StatementStat = {
  query: string;
  calls: number;
  totalMs: number;
};

/**
 * Whether PostgreSQL keeps statement statistics: `pg_stat_statements` must be in `shared_preload_libraries` (set only at
 * a restart); the extension is then created in this database if it is not yet.
 */
export async function enableStatementStats(db: Db): Promise<boolean> {
  const [row] = await db.execute<{ preloaded: boolean }>(sql`select current_setting('shared_preload_libraries') ~ 'pg_stat_statements' as preloaded`);
  if (!row?.preloaded) return false;
  await db.execute(sql`create extension if not exists pg_stat_statements`);
  return true;
}

export async function resetStatementStats(db: Db): Promise<void> {
  await db.execute(sql`select pg_stat_statements_reset()`);
}

/** This database's statements since the reset, the longest-running first; the statistics' own queries left out. */
export async function readStatementStats(db: Db): Promise<StatementStat[]> {
  return db.execute<StatementStat>(sql`
    select query, calls::int, total_exec_time as "totalMs" from pg_stat_statements
    where dbid = (select oid from pg_database where datname = current_database())
      and query not like '%pg_stat_statements%' and query not like '%pg_stat_activity%'
    order by total_exec_time desc`);
}

/** The process ids of the backends connected to this database, other than the asking one. */
export async function backendPids(db: Db): Promise<number[]> {
  const rows = await db.execute<{ pid: number }>(sql`
    select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`);
  return rows.map((r) => r.pid);
}
