import { afterAll, beforeAll, expect, it } from 'vitest';
import { findJobByKey } from '@mailyard/db/queries/jobs';
import { hitRateLimits, rateLimitCount } from '@mailyard/db/queries/rate-limits';
import { findOperatorSession, insertOperatorSession } from '@mailyard/db/queries/sessions';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { schedulePruning } from '../../src/services/housekeeping/schedule-pruning.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/platform/clock.ts';
import { createTestDeps, testClock, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';

/** The hourly pruning of expired sessions and spent rate-limit counters, driven through the job queue. */
let deps: TestDeps;
let op: TestOperator;
const START = new Date('2026-11-26T09:20:00Z');

beforeAll(async () => {
  deps = await createTestDeps({}, testClock(START));
  op = await createOperator(deps);
});
afterAll(() => deps.database.drop());

const ago = (ms: number) => new Date(START.getTime() - ms);
const session = (idHash: string, expiresAt: Date) =>
  insertOperatorSession(deps.db, { idHash, operatorId: op.actor.operatorId, createdAt: ago(DAY_MS), expiresAt, ip: null, userAgent: null });

it('deletes expired sessions and day-old rate-limit counters, keeps the rest, and schedules itself hourly', async () => {
  await session('expired', ago(MINUTE_MS));
  await session('live', new Date(START.getTime() + HOUR_MS));
  await hitRateLimits(deps.db, [{ key: 'old', windowStart: ago(2 * DAY_MS) }]);
  await hitRateLimits(deps.db, [{ key: 'recent', windowStart: ago(10 * MINUTE_MS) }]);

  // Every start asks for the current hour's run; asking twice makes one job.
  await schedulePruning(deps.db, START, START);
  await schedulePruning(deps.db, START, START);
  expect(await runDueJobs(deps, jobRegistry)).toBe(1);

  expect(await findOperatorSession(deps.db, 'expired', ago(DAY_MS))).toBeNull();
  expect(await findOperatorSession(deps.db, 'live', START)).not.toBeNull();
  expect(await rateLimitCount(deps.db, 'old', ago(2 * DAY_MS))).toBe(0);
  expect(await rateLimitCount(deps.db, 'recent', ago(10 * MINUTE_MS))).toBe(1);

  // The next run waits for the top of the hour, then schedules the one after.
  const next = await findJobByKey(deps.db, 'housekeeping.prune:2026-11-26T10:00:00.000Z');
  expect(next).toMatchObject({ state: 'pending', runAt: new Date('2026-11-26T10:00:00Z') });
  expect(await runDueJobs(deps, jobRegistry)).toBe(0);
  deps.clock.set(new Date('2026-11-26T10:00:00Z'));
  expect(await runDueJobs(deps, jobRegistry)).toBe(1);
  expect(await findJobByKey(deps.db, 'housekeeping.prune:2026-11-26T11:00:00.000Z')).toMatchObject({ state: 'pending' });
});
