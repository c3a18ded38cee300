import { randomBytes } from 'node:crypto';
import { createTestDatabase, openProbe, type Counts, type Probe, type TestDatabase } from '@mailyard/db/testing';
import type { MailyardClient } from '../../../../packages/client/src/index.ts';
import { ADMIN_PASSWORD, freePort, killProduct, operatorClient, startProduct, stopProduct, waitFor, type Product, type ProductEnv } from './product.ts';

/**
 * The fault tests' one server: the built product on a database of its own (`DATABASE_URL`, so the test can count
 * rows and hold locks through a probe), with a short job lease so a job left by a killed server is taken over within
 * seconds. Killed (kill -9) and started again on the same data as often as a test wants.
 */
export const LEASE_SECONDS = 2;

export interface CrashableServer {
  readonly product: Product;
  readonly url: string;
  /** An API token's client: it survives restarts (the token is stored). */
  readonly client: MailyardClient;
  readonly probe: Probe;
  /** kill -9, then `between()` (release a held lock, look at the data), then a start on the same database. */
  killAndRestart(between?: () => Promise<void>): Promise<{ killedAt: number }>;
  /** SIGTERM, drop the database. */
  close(): Promise<void>;
}

export async function startCrashableServer(extra: ProductEnv = {}): Promise<CrashableServer> {
  const database: TestDatabase = await createTestDatabase();
  const env: ProductEnv = {
    DATABASE_URL: database.url,
    MAILYARD_SECRET_KEY: randomBytes(32).toString('hex'),
    MAILYARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    MAILYARD_JOB_LEASE_SECONDS: String(LEASE_SECONDS),
    PORT: String(await freePort()),
    ...extra,
  };
  let product = await startProduct(env);
  const probe = openProbe(database.url);
  const client = await operatorClient(product.url);
  return {
    get product() {
      return product;
    },
    url: product.url,
    client,
    probe,
    async killAndRestart(between) {
      await killProduct(product);
      const killedAt = performance.now();
      await between?.();
      product = await startProduct(env);
      return { killedAt };
    },
    async close() {
      await stopProduct(product);
      await probe.close();
      await database.drop();
    },
  };
}

/** What changed between two tallies (`Counts`, audit actions, job states): after minus before, zeros left out. */
export function changes(before: Record<string, number> | Counts, after: Record<string, number> | Counts): Record<string, number> {
  const b = before as Record<string, number>;
  const a = after as Record<string, number>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return Object.fromEntries([...keys].map((k) => [k, (a[k] ?? 0) - (b[k] ?? 0)]).filter(([, d]) => d !== 0));
}

/** Sends `start()` and resolves once the server is blocked on a lock the probe holds (the request still open). */
export async function blockedOnLock<T>(probe: Probe, start: () => Promise<T>): Promise<{ pending: Promise<T | Error> }> {
  const pending = start().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  await waitFor('the server to wait on the held lock', async () => (await probe.lockWaiters()) > 0, 30_000, 20);
  return { pending };
}

/** Polls until a job (by its key) is claimed by a worker; returns its row. */
export async function waitForRunningJob(probe: Probe, key: string): Promise<{ id: number; lockedBy: string; attempts: number }> {
  let row: { id: number; lockedBy: string; attempts: number } | undefined;
  await waitFor(`the job ${key} to be claimed`, async () => {
    [row] = await probe.sql<{ id: number; lockedBy: string; attempts: number }[]>`
      select id::int, locked_by as "lockedBy", attempts from jobs where key = ${key} and state = 'running'`;
    return row !== undefined;
  }, 30_000, 20);
  return row!;
}

export interface FinishedJob {
  id: number;
  state: string;
  attempts: number;
  lockedBy: string | null;
  lockedUntil: Date | null;
  finishedAt: Date | null;
}

/**
 * Polls until a job is no longer running; returns its row. A handler commits its work, then the worker marks the job
 * done in its own statement: seeing the work is not yet seeing the job finished.
 */
export async function finishedJob(probe: Probe, jobId: number, timeoutMs = 30_000): Promise<FinishedJob> {
  let row: FinishedJob | undefined;
  await waitFor(`the job #${jobId} to finish`, async () => {
    [row] = await probe.sql<FinishedJob[]>`
      select id::int, state, attempts, locked_by as "lockedBy", locked_until as "lockedUntil", finished_at as "finishedAt"
      from jobs where id = ${jobId}`;
    return row !== undefined && row.state !== 'running';
  }, timeoutMs, 20);
  return row!;
}
