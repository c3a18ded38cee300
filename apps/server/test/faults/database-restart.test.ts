import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_UNAVAILABLE_MESSAGE } from '@mailyard/db';
import { openProbe, startScratchPostgres, type Probe, type ScratchPostgres } from '@mailyard/db/testing';
import { mailyardError, type MailyardClient } from '../../../../packages/client/src/index.ts';
import { ADMIN_PASSWORD, freePort, operatorClient, startProduct, stopProduct, waitFor, type Product } from '../support/product.ts';

/**
 * PostgreSQL restarted under a running Mailyard (`DATABASE_URL`, a throw-away cluster of this test's own, never the
 * shared one): while clients create users and read lists, every answer is either a success whose user is stored, or
 * a 503 that says the database cannot be reached — never a 500, never a success that was not stored — and Mailyard
 * serves again once PostgreSQL is back, without a restart of its own.
 */
let postgres: ScratchPostgres;
let product: Product;
let client: MailyardClient;
let probe: Probe;
let organizationId: string;

beforeAll(async () => {
  postgres = await startScratchPostgres(await freePort());
  product = await startProduct({
    DATABASE_URL: postgres.url,
    MAILYARD_SECRET_KEY: randomBytes(32).toString('hex'),
    MAILYARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    PORT: String(await freePort()),
  });
  client = await operatorClient(product.url);
  probe = openProbe(postgres.url);
  ({ organizationId } = await client.organizations.create.mutate({ alias: 'db-restart' }));
  await waitFor('the organization to be Active', async () => (await probe.sql`select 1 from organizations where id = ${organizationId} and state = 'Active'`).length > 0);
}, 120_000);
afterAll(async () => {
  if (product) await stopProduct(product);
  await probe?.close();
  await postgres?.destroy();
});

type Outcome = { ok: true; name: string } | { ok: false; name: string | null; status: number | null; message: string };

/** Runs `clients` loops of create-a-user then list-users (names `<prefix>-<client>-<n>`) while `during()` runs; every answer recorded. */
async function underLoad(prefix: string, clients: number, during: () => Promise<void>): Promise<{ outcomes: Outcome[]; slowestMs: number }> {
  const outcomes: Outcome[] = [];
  let slowest = 0;
  let running = true;
  const record = async (name: string | null, call: () => Promise<unknown>) => {
    const t0 = performance.now();
    try {
      await call();
      if (name) outcomes.push({ ok: true, name });
    } catch (error) {
      const api = mailyardError(error);
      if (!api) throw error;
      outcomes.push({ ok: false, name, status: api.httpStatus, message: api.message });
    } finally {
      slowest = Math.max(slowest, performance.now() - t0);
    }
  };
  const loop = async (c: number) => {
    for (let i = 0; running; i++) {
      const name = `${prefix}-${c}-${i}`;
      await record(name, () =>
        client.users.create.mutate({ organizationId, name, displayName: `Load ${c} ${i}`, email: `${name}@db-restart.mailyard.test`, password: PASSWORD, repeatPassword: PASSWORD }),
      );
      await record(null, () => client.users.list.query({ organizationId, limit: 20 }));
    }
  };
  const loops = Array.from({ length: clients }, (_, c) => loop(c));
  await during();
  running = false;
  await Promise.all(loops);
  return { outcomes, slowestMs: slowest };
}

const PASSWORD = 'Load-test-Password-2026';
/** When the running postmaster started: it changes with every restart (the probe reconnects after one). */
const postmasterStart = async () => (await probe.sql<{ at: string }[]>`select pg_postmaster_start_time()::text as at`)[0]!.at;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PostgreSQL restarted under load', () => {
  it.each(['fast', 'immediate'] as const)('%s restart: every answer is a stored success or a clear 503, and service resumes', async (mode) => {
    const startedBefore = await postmasterStart();
    const { outcomes, slowestMs } = await underLoad(mode, 4, async () => {
      await pause(1000);
      await postgres.restart(mode);
      await pause(2000);
    });
    // Mailyard itself outlives its database's restart (it once died of an unhandled error from a dropped connection).
    expect(product.child.exitCode, `Mailyard exited during the restart; it printed:\n${product.output()}`).toBeNull();
    const failures = outcomes.filter((o) => !o.ok);
    const successes = outcomes.filter((o) => o.ok).map((o) => o.name);
    console.info(`${mode} restart: ${outcomes.length} answers, ${failures.length} were 503, the slowest took ${slowestMs.toFixed(0)} ms`);

    // The restart happened (a new postmaster). Whether a request fell into the moment PostgreSQL was down is up to the
    // timing: a restart can fall between two requests, so it is not asserted; what every answer was is.
    expect(await postmasterStart()).not.toBe(startedBefore);
    // No request waits on the driver's reconnection backoff (it used to grow to 20 s): down means a quick 503.
    expect(slowestMs).toBeLessThan(8000);
    for (const failure of failures) expect(failure).toMatchObject({ status: 503, message: DATABASE_UNAVAILABLE_MESSAGE });
    const stored = new Set((await probe.sql<{ name: string }[]>`select name from users where organization_id = ${organizationId} and name like ${`${mode}-%`}`).map((u) => u.name));
    expect(successes.filter((name) => !stored.has(name))).toEqual([]);
    // A create that failed was not stored, unless the connection dropped during its COMMIT (then the retry finds it).
    const failedCreates = failures.flatMap((f) => (f.name ? [f.name] : []));
    expect(stored.size).toBeGreaterThanOrEqual(successes.length);
    expect(stored.size).toBeLessThanOrEqual(successes.length + failedCreates.length);
    const [{ events }] = (await probe.sql<{ events: number }[]>`
      select count(*)::int as events from audit_events where organization_id = ${organizationId} and action = 'user.create' and target_label like ${`${mode}-%`}`) as unknown as [{ events: number }];
    expect(events).toBe(stored.size);

    // The same process serves again: health and a change.
    expect((await fetch(`${product.url}/healthz`)).status).toBe(200);
    await expect(client.users.list.query({ organizationId, limit: 1 })).resolves.toBeTruthy();
    expect(product.child.exitCode).toBeNull();
  }, 120_000);
});
