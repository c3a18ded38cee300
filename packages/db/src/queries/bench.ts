import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '../client.ts';
import * as schema from '../schema/index.ts';

/**
 * The benchmark's data and measuring tools (`pnpm bench`, `bench/`). Seeding is bulk SQL (`insert … select
 * generate_series`) with one precomputed password hash, so a million users take minutes rather than hours of argon2.
 */

/** Users in organization `k`: 100,000 in the first, 900,000 spread over the other 999 (the first 900 get 901). */
const usersPerOrganization = (k: SQL) => sql`case when ${k} = 1 then 100000 when ${k} <= 901 then 901 else 900 end`;

export async function benchOrganizationCount(db: Db): Promise<{ organizations: number; users: number }> {
  const rows = await db.execute<{ organizations: number; users: number }>(sql`
    select (select count(*)::int from organizations where alias like 'bench-%') as organizations,
           (select count(*)::int from users u join organizations o on o.id = u.organization_id where o.alias like 'bench-%') as users`);
  return rows[0]!;
}

/** `count` Active organizations of the account, each with its built-in directory and a verified default domain. */
export async function seedBenchOrganizations(db: Db, q: { accountId: string; count: number; at: Date }): Promise<void> {
  const at = q.at.toISOString();
  await db.execute(sql`
    insert into organizations (id, account_id, alias, state, directory_type, directory_id, default_mail_domain, created_at, completed_at)
    select 'm-' || md5('bench-org-' || k), ${q.accountId}, 'bench-' || lpad(k::text, 4, '0'), 'Active', 'WorkMailDirectory',
           'd-' || left(md5('bench-dir-' || k), 10), 'bench-' || lpad(k::text, 4, '0') || '.bench.test', ${at}, ${at}
    from generate_series(1, ${q.count}) as k`);
  await db.execute(sql`
    insert into directories (organization_id, id, type, nested_groups, created_at)
    select id, directory_id, 'WorkMailDirectory', false, created_at from organizations where alias like 'bench-%'`);
  await db.execute(sql`
    insert into mail_domains (organization_id, domain, is_test_domain, is_default, verification_status, created_at)
    select id, default_mail_domain, true, true, 'VERIFIED', created_at from organizations where alias like 'bench-%'`);
}

/**
 * The users of organizations `from`..`to`, enabled, with their primary address and mailbox. Names are varied so the
 * name, display-name and address orders differ: user name `asmith123`, display name `Alice Smith`, address
 * `alice.smith123@<domain>`.
 */
export async function seedBenchUsers(db: Db, q: { from: number; to: number; passwordHash: string; at: Date }): Promise<number> {
  const at = q.at.toISOString();
  const first = sql`(array['Alice','Bruno','Chloe','Dmitri','Elena','Farid','Grace','Hiro','Ines','Jonas','Kaori','Liam','Maya','Nils','Olga','Pablo','Quinn','Rosa','Sven','Tara','Umar','Vera','Wen','Xavier','Yara','Zoe'])[1 + (i * 7) % 26]`;
  const last = sql`(array['Smith','Garcia','Muller','Rossi','Kowalski','Nguyen','Haddad','Okafor','Tanaka','Silva','Novak','Jensen','Dubois','Moreau','Ivanova','Costa','Murphy','Sato','Larsen','Weber','Khan','Lopez','Berg','Fischer','Petrov','Hansen','Schmidt','Romano','Kim','Park'])[1 + (i * 13 + k) % 30]`;
  const rows = await db.execute<{ n: number }>(sql`
    with orgs as (
      select id, default_mail_domain as domain, substr(alias, 7)::int as k from organizations
      where alias like 'bench-%' and substr(alias, 7)::int between ${q.from} and ${q.to}
    ), people as (
      select o.id as organization_id, o.domain, o.k, i, ${first} as first, ${last} as last
      from orgs o, generate_series(1, ${usersPerOrganization(sql`o.k`)}) as i
    ), inserted as (
      insert into users (organization_id, id, name, display_name, first_name, last_name, role, state, primary_email, password_hash, enabled_at, created_at, updated_at)
      select organization_id, md5('bench-user-' || k || '-' || i)::uuid, lower(left(first, 1) || last) || i, first || ' ' || last, first, last,
             'USER', 'ENABLED', lower(first || '.' || last) || i || '@' || domain, ${q.passwordHash}, ${at}, ${at}, ${at}
      from people
      returning organization_id, id, primary_email
    ), addressed as (
      insert into addresses (address, organization_id, entity_id, entity_type, is_primary, origin, created_at)
      select primary_email, organization_id, id, 'USER', true, 'system', ${at} from inserted
    ), mailboxed as (
      insert into mailboxes (organization_id, entity_id, quota_mb, provisioned_at)
      select organization_id, id, 51200, ${at} from inserted
      returning 1
    )
    select count(*)::int as n from mailboxed`);
  return rows[0]?.n ?? 0;
}

/** Fresh statistics and visibility map after the bulk load, as autovacuum would leave them. */
export async function vacuumAnalyzeBench(db: Db): Promise<void> {
  for (const table of ['users', 'addresses', 'mailboxes', 'organizations', 'mail_domains']) await db.execute(sql.raw(`vacuum (analyze) ${table}`));
}

/** Removes the users a benchmark run created (their names start with `prefix`), so the sizes stay as seeded. */
export async function deleteBenchCreatedUsers(db: Db, organizationId: string, prefix: string): Promise<void> {
  const like = `${prefix}%`;
  await db.execute(sql`delete from addresses where organization_id = ${organizationId} and entity_id in (select id from users where organization_id = ${organizationId} and name like ${like})`);
  await db.execute(sql`delete from mailboxes where organization_id = ${organizationId} and entity_id in (select id from users where organization_id = ${organizationId} and name like ${like})`);
  await db.execute(sql`delete from password_history where organization_id = ${organizationId} and user_id in (select id from users where organization_id = ${organizationId} and name like ${like})`);
  await db.execute(sql`delete from users where organization_id = ${organizationId} and name like ${like}`);
}

export interface CapturedQuery {
  text: string;
  params: unknown[];
}

/** A database handle of its own that records every statement it runs (to EXPLAIN exactly what a query function sends). */
export function recordingDatabase(url: string) {
  const captured: CapturedQuery[] = [];
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const db = drizzle(client, { schema, logger: { logQuery: (text, params) => void captured.push({ text, params }) } });
  return { db: db as unknown as Db, captured, close: () => client.end({ timeout: 5 }) };
}

const literal = (value: unknown) => (typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`);

/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of a statement as the server runs it: prepared, and executed `warmups` times first, so
 * the plan shown is the one PostgreSQL's plan cache settles on (after five runs it may switch to a generic plan).
 */
export async function explainPrepared(url: string, query: CapturedQuery, warmups = 6): Promise<string> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
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

/** The PostgreSQL server's version and the settings that matter for these figures. */
export async function serverFacts(db: Db): Promise<Record<string, string>> {
  const rows = await db.execute<{ name: string; setting: string }>(sql`
    select 'version' as name, version() as setting
    union all select name, setting || coalesce(unit, '') from pg_settings
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
