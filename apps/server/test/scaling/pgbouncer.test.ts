import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, openProbe, type Probe, type TestDatabase } from '@mailyard/db/testing';
import type { MailyardClient } from '../../../../packages/client/src/index.ts';
import { startPgBouncer, type PgBouncer } from '../support/pgbouncer.ts';
import { ADMIN_PASSWORD, freePort, operatorClient, startProduct, stopProduct, waitFor, type Product } from '../support/product.ts';

/**
 * The built product behind a real PgBouncer in transaction pooling mode (Debian's 1.18: no prepared statements across
 * transactions, so `MAILYARD_DB_PREPARED_STATEMENTS=false`), with 4 server connections for Mailyard's pool of 10 and
 * its job worker: every request and job goes through the pooler, only migrations take the direct URL
 * (`MAILYARD_MIGRATION_DATABASE_URL`, for their session-level advisory lock). What a request answered must be what
 * the next one reads, whichever server connection each lands on.
 */
let database: TestDatabase;
let bouncer: PgBouncer;
let product: Product;
let client: MailyardClient;
let probe: Probe;

beforeAll(async () => {
  database = await createTestDatabase();
  bouncer = await startPgBouncer(database.url, { poolSize: 4 });
  product = await startProduct({
    DATABASE_URL: bouncer.url,
    MAILYARD_MIGRATION_DATABASE_URL: database.url,
    MAILYARD_DB_PREPARED_STATEMENTS: 'false',
    MAILYARD_SECRET_KEY: randomBytes(32).toString('hex'),
    MAILYARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    MAILYARD_LOG_LEVEL: 'warn',
    PORT: String(await freePort()),
  }).catch((error: unknown) => {
    throw new Error(`${String(error)}\nPgBouncer said:\n${bouncer.output()}`);
  });
  client = await operatorClient(product.url);
  probe = openProbe(database.url);
}, 120_000);

afterAll(async () => {
  if (product) await stopProduct(product);
  await bouncer?.stop();
  await probe?.close();
  await database?.drop();
});

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

describe('through PgBouncer in transaction mode', () => {
  it('creates an organization, users (each read back at once), imports a file and lists it all', async () => {
    const { organizationId } = await client.organizations.create.mutate({ alias: 'pooled' });
    // Provisioning is a job: the worker claims and runs it through the pooler too.
    await waitFor('the organization to be Active', async () => (await client.organizations.get.query({ organizationId })).state === 'Active', 60_000, 100);
    const domain = (await client.organizations.get.query({ organizationId })).defaultMailDomain!;

    // Twenty clients at once, each reading what it just wrote: 10 pooled connections of Mailyard share 4 of PostgreSQL.
    const names = Array.from({ length: 20 }, (_, i) => `pooled${i}`);
    await Promise.all(
      names.map(async (name) => {
        const { userId } = await client.users.create.mutate({ organizationId, name, displayName: `Pooled ${name}`, password: 'Pooled-Password-1', repeatPassword: 'Pooled-Password-1' });
        expect(await client.users.get.query({ organizationId, userId })).toMatchObject({ name, state: 'ENABLED', email: `${name}@${domain}` });
        await client.users.updateDetails.mutate({ organizationId, userId, displayName: `Renamed ${name}` });
        expect(await client.users.get.query({ organizationId, userId })).toMatchObject({ displayName: `Renamed ${name}` });
      }),
    );

    const imported = Array.from({ length: 30 }, (_, i) => `bulk${i},Bulk ${i},bulk${i}@${domain},invite`);
    const summary = await client.imports.validate.mutate({ organizationId, fileName: 'bulk.csv', content: csv('name,displayName,email,password', ...imported) });
    expect(summary.validRows).toBe(30);
    await client.imports.start.mutate({ organizationId, importId: summary.id });
    await waitFor('the import to be applied', async () => (await client.imports.get.query({ organizationId, importId: summary.id })).state === 'done', 60_000, 100);
    expect((await client.imports.get.query({ organizationId, importId: summary.id })).counts).toMatchObject({ created: 30, failed: 0 });

    // Page through the list, 20 at a time: every user, once.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.users.list.query({ organizationId, limit: 20, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((u) => u.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.filter((n) => n.startsWith('pooled') || n.startsWith('bulk')).sort()).toEqual([...names, ...imported.map((l) => l.split(',')[0]!)].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect((await client.users.count.query({ organizationId })).count).toBe(seen.length);
  }, 180_000);

  it('sent everything through the pooler: PostgreSQL saw only the 4 connections of PgBouncer, never the 10 of Mailyard', async () => {
    // Twenty requests at once made Mailyard's driver open its whole pool of 10; PostgreSQL saw PgBouncer's 4 at most.
    const [row] = await probe.sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend' and application_name <> 'mailyard-probe'`;
    expect(row!.n).toBeGreaterThan(0);
    expect(row!.n).toBeLessThanOrEqual(4);
    expect(bouncer.output()).not.toMatch(/prepared statement .* does not exist|ERROR/);
  });
});
