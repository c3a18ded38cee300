import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@mailyard/db/testing';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Deps, Logger } from '../../src/deps.ts';
import { masterKeyFrom } from '../../src/platform/secrets.ts';

/** A clock tests move by hand. */
export function testClock(start = new Date('2026-11-26T09:00:00Z')) {
  let now = start.getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, {
    advance(ms: number) {
      now += ms;
    },
    set(d: Date) {
      now = d.getTime();
    },
  });
}
export type TestClock = ReturnType<typeof testClock>;

/**
 * A clock that follows real time (`advance`/`set` shift it): for a server that AWS SDK clients sign requests against
 * during a long test, since SigV4 refuses a signature more than 15 minutes from the server's time.
 */
export function liveClock(): TestClock {
  let offset = 0;
  return Object.assign(() => new Date(Date.now() + offset), {
    advance(ms: number) {
      offset += ms;
    },
    set(d: Date) {
      offset = d.getTime() - Date.now();
    },
  });
}

const quietLogger: Logger = { info() {}, warn() {}, error: (msg, data) => console.error(msg, data ?? '') };

export interface TestDeps extends Deps {
  clock: TestClock;
  database: TestDatabase;
}

/** Real dependencies on a fresh database of their own; `clock` is controllable. */
export async function createTestDeps(env: Record<string, string> = {}, clock: TestClock | null = null): Promise<TestDeps> {
  const database = await createTestDatabase();
  const config: Config = loadConfig({
    DATABASE_URL: database.url,
    MAILYARD_SECRET_KEY: randomBytes(32).toString('hex'),
    MAILYARD_TEST_DOMAIN_SUFFIX: 'mailyard.test',
    ...env,
  });
  return {
    db: database.db,
    config,
    clock: clock ?? testClock(new Date()),
    masterKey: masterKeyFrom(randomBytes(32)),
    log: quietLogger,
    database,
  };
}
