import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { startOrphanPostmaster } from '@mailyard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  freePort,
  killProduct,
  operatorClient,
  spawnProduct,
  startProduct,
  stopProduct,
  tempDataDir,
  waitFor,
  type Product,
  type ProductEnv,
} from '../support/product.ts';

/**
 * The built product on the embedded default, killed and started again on the same data directory: the embedded
 * PostgreSQL dies with Mailyard (kill -9 included), a PostgreSQL left running by a dead Mailyard is stopped at the next
 * start, a stale lock file is PostgreSQL's business, a second Mailyard on the same data is refused, and every failed
 * start says what happened and what to do.
 */
let dataDir: string;
let env: ProductEnv;
const running: Product[] = [];

beforeAll(async () => {
  dataDir = await tempDataDir('crash');
  env = { MAILYARD_DATA_DIR: dataDir, PORT: String(await freePort()), MAILYARD_ADMIN_PASSWORD: ADMIN_PASSWORD };
});
afterAll(async () => {
  for (const product of running) await stopProduct(product);
  await rm(dataDir, { recursive: true, force: true });
});

async function start(extra: ProductEnv = {}): Promise<Product> {
  const product = await startProduct({ ...env, ...extra });
  running.push(product);
  return product;
}

/** A failed start: its exit code and what it printed. */
async function failedStart(extra: ProductEnv): Promise<{ code: number | null; output: string }> {
  const product = spawnProduct({ ...env, ...extra });
  const code = await product.exited;
  return { code, output: product.output() };
}

const postmasterPid = async (dir = dataDir) => Number((await readFile(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]) || null;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function organizationAliases(product: Product): Promise<string[]> {
  const client = await operatorClient(product.url);
  return (await client.organizations.list.query({})).items.map((o) => o.alias);
}

describe('the embedded PostgreSQL and a crashed Mailyard', () => {
  it('stops within moments of a kill -9 of Mailyard (parent-death signal)', async () => {
    const product = await start();
    const client = await operatorClient(product.url);
    await client.organizations.create.mutate({ alias: 'before-the-crash' });
    const pid = (await postmasterPid())!;
    expect(alive(pid)).toBe(true);

    await killProduct(product);
    const ms = await waitFor('the embedded PostgreSQL to stop', () => !alive(pid), 10_000, 20);
    console.info(`embedded PostgreSQL gone ${ms.toFixed(0)} ms after kill -9 of Mailyard`);
    expect(ms).toBeLessThan(5_000);
    // A fast shutdown, not a crash: PostgreSQL removed its lock file itself.
    expect(await postmasterPid()).toBeNull();
  });

  it('stops a PostgreSQL left running by a dead Mailyard, then starts on the same data', async () => {
    const orphan = await startOrphanPostmaster(dataDir, await freePort());
    expect(alive(orphan)).toBe(true);

    const product = await start();
    expect(product.output()).toContain(`PostgreSQL (process ${orphan}) was left running`);
    expect(alive(orphan)).toBe(false);
    expect(await postmasterPid()).not.toBe(orphan);
    expect(await organizationAliases(product)).toContain('before-the-crash');
    expect(await stopProduct(product)).toBe(0);
  });

  it('starts over a stale postmaster.pid whose process is gone, as PostgreSQL itself would', async () => {
    const orphan = await startOrphanPostmaster(dataDir, await freePort());
    process.kill(orphan, 'SIGKILL'); // a crash: the lock file stays behind
    await waitFor('the killed postmaster to be gone', () => !alive(orphan), 10_000);
    expect(await postmasterPid()).toBe(orphan);

    const product = await start();
    expect(product.output()).not.toContain('was left running');
    expect(await organizationAliases(product)).toContain('before-the-crash');
    expect(await stopProduct(product)).toBe(0);
  });

  it('refuses a second Mailyard on the same data directory, and the first goes on', async () => {
    const first = await start();
    const second = await failedStart({ PORT: String(await freePort()) });
    expect(second.code).toBe(1);
    expect(second.output).toContain(`Mailyard could not start: another Mailyard (process ${first.pid}) is running on ${dataDir}`);
    expect(second.output).toContain('What to do: Stop that Mailyard first, or start this one with another MAILYARD_DATA_DIR.');
    expect(await organizationAliases(first)).toContain('before-the-crash');
    expect(await stopProduct(first)).toBe(0);
  });

  it('says what happened and what to do when a start fails, exits 1 and leaves no PostgreSQL behind', async () => {
    const holder = await start();
    const otherDir = await tempDataDir('crash-port');
    try {
      const taken = await failedStart({ MAILYARD_DATA_DIR: otherDir });
      expect(taken.code).toBe(1);
      expect(taken.output).toContain(`Mailyard could not start: 127.0.0.1:${env.PORT} is already in use`);
      expect(taken.output).toContain('What to do: Stop the program listening there (another Mailyard?), or set PORT to a free port.');
      expect(await postmasterPid(otherDir)).toBeNull();

      const unreachable = await failedStart({
        MAILYARD_DATA_DIR: otherDir,
        DATABASE_URL: `postgres://mailyard@127.0.0.1:${await freePort()}/mailyard`,
        MAILYARD_SECRET_KEY: 'a'.repeat(64),
      });
      expect(unreachable.code).toBe(1);
      expect(unreachable.output).toMatch(/Mailyard could not start: PostgreSQL at 127\.0\.0\.1:\d+\/mailyard \(DATABASE_URL\) could not be reached while applying the database migrations: .*ECONNREFUSED/);
      expect(unreachable.output).toContain('What to do: Check that PostgreSQL is running and that DATABASE_URL names it');

      const config = await failedStart({ PORT: 'eighty' });
      expect(config.code).toBe(1);
      expect(config.output).toContain('PORT: ');
      expect(config.output).toContain('What to do: Correct the variables named above and start again.');

      for (const output of [taken.output, unreachable.output, config.output]) expect(output).not.toMatch(/^undefined$/m);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
      expect(await stopProduct(holder)).toBe(0);
    }
  }, 120_000); // four starts, three of which fail: beyond the default 30 s on a busy machine
});
