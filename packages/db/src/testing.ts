import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { connect, type DatabaseClient } from './client.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { runMigrations } from './migrate.ts';

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

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env[ADMIN_URL];
  const template = process.env[TEMPLATE];
  if (!adminUrl || !template) throw new Error('test database template missing: add @mailyard/db/testing setup to vitest globalSetup');
  const name = `mailyard_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (sql) => sql.unsafe(`create database ${name} template ${template}`));
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
