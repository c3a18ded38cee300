import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { connect, type DatabaseClient, type Db } from './client.ts';
import { postgresBinary, postgresUser, startEmbeddedPostgres } from './embedded.ts';
import { readPostmasterPid } from './postmaster.ts';

import { migrationsFolder, runMigrations } from './migrate.ts';

/**
 * Test databases. A global setup migrates one template database per run; every test file then gets its
 * own copy (`CREATE DATABASE … TEMPLATE`, tens of milliseconds), so files run in parallel without sharing
 * rows. `DATABASE_URL` names the server (CI); without it a throw-away embedded PostgreSQL is started.
 */
const ADMIN_URL = 'MAILYARD_TEST_ADMIN_URL';
const TEMPLATE = 'MAILYARD_TEST_TEMPLATE';

export async function setupTestTemplate(): Promise<() => Promise<void>> {
  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const dir = await mkdtemp(path.join(tmpdir(), 'mailyard-test-'));
    await chmod(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user, which must reach the folder
    const embedded = await startEmbeddedPostgres(dir);
    adminUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const template = `mailyard_tpl_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (sql) => sql.unsafe(`create database ${template}`));
  await runMigrations(withDatabase(adminUrl, template));
  process.env[ADMIN_URL] = adminUrl;
  process.env[TEMPLATE] = template;
  return async () => {
    await withAdmin(adminUrl, (sql) => sql.unsafe(`drop database if exists ${template} with (force)`));
    await stopEmbedded?.();
  };
}

export interface TestDatabase extends DatabaseClient {
  url: string;
  /** Drops the database (call in afterAll). */
  drop(): Promise<void>;
}

/** A migrated copy of the template; with `empty`, a database with no tables at all (to migrate step by step). */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env[ADMIN_URL];
  const template = process.env[TEMPLATE];
  if (!adminUrl || !template) throw new Error('test database template missing: add @mailyard/db/testing setup to vitest globalSetup');
  const name = `mailyard_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (sql) => sql.unsafe(`create database ${name}${options.empty ? '' : ` template ${template}`}`));
  const url = withDatabase(adminUrl, name);
  const client = connect(url, { max: 5 });
  return {
    ...client,
    url,
    async drop() {
      await client.close();
      await withAdmin(adminUrl, (sql) => sql.unsafe(`drop database if exists ${name} with (force)`));
    },
  };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Starts PostgreSQL on the embedded database of `dataDir` as nobody's child (a shell starts it in the background and
 * exits): what a Mailyard killed before it could stop its database used to leave behind. Returns the postmaster's pid.
 */
export async function startOrphanPostmaster(dataDir: string, port: number): Promise<number> {
  const databaseDir = path.resolve(dataDir, 'postgres');
  const args = ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  const shell = spawn('sh', ['-c', '"$0" "$@" >/dev/null 2>&1 &', await postgresBinary(), ...args], { ...(await postgresUser()), stdio: 'ignore' });
  await new Promise((resolve) => shell.once('exit', resolve));
  for (let i = 0; i < 200; i++) {
    const pidFile = await readPostmasterPid(databaseDir);
    if (pidFile?.status === 'ready') return pidFile.pid;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the orphan PostgreSQL on ${databaseDir} did not become ready`);
}

export { openProbe, type Counts, type HeldLock, type Probe } from './probe.ts';
export { startScratchPostgres, type ScratchPostgres } from './scratch-postgres.ts';

export interface TestLoginRole {
  name: string;
  password: string;
  /** Runs SQL as the administrator in the test database (the mail servers' grants). */
  grant(sqlText: string): Promise<void>;
  /** Drops the role's privileges in the test database, then the role (call before dropping the database). */
  drop(): Promise<void>;
}

/** A login role of the server (roles are cluster-wide: a random name), for the mail servers' read-only access. */
export async function createTestLoginRole(databaseUrl: string): Promise<TestLoginRole> {
  const adminUrl = process.env[ADMIN_URL];
  if (!adminUrl) throw new Error('test database template missing: add @mailyard/db/testing setup to vitest globalSetup');
  const name = `mail_${randomBytes(6).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await withAdmin(adminUrl, (sql) => sql.unsafe(`create role ${name} login password '${password}'`));
  const inDatabase = withDatabase(adminUrl, new URL(databaseUrl).pathname.slice(1));
  return {
    name,
    password,
    grant: (sqlText) => withAdmin(inDatabase, (sql) => sql.unsafe(sqlText).then(() => undefined)),
    async drop() {
      await withAdmin(inDatabase, (sql) => sql.unsafe(`drop owned by ${name}`));
      await withAdmin(adminUrl, (sql) => sql.unsafe(`drop role if exists ${name}`));
    },
  };
}

/**
 * The sign-in budget's rows under `keys`, each with its row version (`xmin`), which every write to the row changes —
 * even one that leaves the count as it was: for tests that a path spends nothing from a budget.
 */
export async function rateLimitRowVersions(db: Db, keys: string[]): Promise<{ key: string; count: number; version: string }[]> {
  return db.execute<{ key: string; count: number; version: string }>(
    sql`select key, count, xmin::text as version from rate_limits where key = any(${sql.param(keys)}::text[]) order by key, window_start`,
  ).then((rows) => [...rows]);
}

/**
 * A copy of the migrations folder whose journal ends at `tag`: a database migrated with it is one as it was before
 * the migrations after `tag`, to fill with rows they must carry over.
 */
export async function migrationsUpTo(tag: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mailyard-migrations-'));
  await cp(migrationsFolder, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((e) => e.tag === tag);
  if (end < 0) throw new Error(`no migration ${tag}`);
  await writeFile(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, end + 1) }));
  return dir;
}
