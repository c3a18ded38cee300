import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { CUSTOM_PLANS, type Db } from '../client.ts';
import * as schema from '../schema/index.ts';

/** The benchmark's measuring tools (`pnpm bench`, `bench/run.ts`): the statements a query sends, their plans, the server. */

export interface CapturedQuery {
  text: string;
  params: unknown[];
}

/** A database handle of its own that records every statement it runs (to EXPLAIN exactly what a query function sends). */
export function recordingDatabase(url: string) {
  const captured: CapturedQuery[] = [];
  const client = postgres(url, { max: 1, onnotice: () => {}, connection: CUSTOM_PLANS });
  const db = drizzle(client, { schema, logger: { logQuery: (text, params) => void captured.push({ text, params }) } });
  return { db: db as unknown as Db, captured, close: () => client.end({ timeout: 5 }) };
}

const literal = (value: unknown) => (typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`);

/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of a statement as the server runs it: prepared on a connection set as the server's
 * (`CUSTOM_PLANS`), and executed `warmups` times first, so the plan shown is the one its sixth run gets.
 */
export async function explainPrepared(url: string, query: CapturedQuery, warmups = 6): Promise<string> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connection: CUSTOM_PLANS });
  try {
    return await client.begin(async (tx) => {
      await tx.unsafe(`prepare bench_q as ${query.text}`);
      const execute = `execute bench_q(${query.params.map(literal).join(', ')})`;
      for (let i = 0; i < warmups; i++) await tx.unsafe(execute);
      const rows = await tx.unsafe<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) ${execute}`);
      await tx.unsafe('deallocate bench_q');
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * The PostgreSQL server's version, the settings that matter for these figures as `SHOW` prints them (`4GB`), the
 * database's size and whether it fits in `shared_buffers`.
 */
export async function serverFacts(db: Db): Promise<Record<string, string>> {
  const rows = await db.execute<{ name: string; setting: string }>(sql`
    select 'version' as name, version() as setting
    union all select 'database size', pg_size_pretty(pg_database_size(current_database()))
    union all select 'fits in shared_buffers', (pg_database_size(current_database()) <= pg_size_bytes(current_setting('shared_buffers')))::text
    union all select name, current_setting(name) from pg_settings
    where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit', 'plan_cache_mode')`);
  return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
}

/** The URL of database `name` on the server of `url`, created if missing (the benchmark's own database). */
export async function ensureDatabase(url: string, name: string, options: { recreate?: boolean } = {}): Promise<{ url: string; created: boolean }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    if (options.recreate) await admin.unsafe(`drop database if exists ${name} with (force)`);
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin.unsafe(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    return { url: u.toString(), created: !exists };
  } finally {
    await admin.end({ timeout: 5 });
  }
}
