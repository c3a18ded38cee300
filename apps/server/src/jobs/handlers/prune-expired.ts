import type { Db } from '@mailyard/db';
import { enqueueJob } from '@mailyard/db/queries/jobs';
import { deleteOldRateLimits } from '@mailyard/db/queries/rate-limits';
import { deleteExpiredSessions } from '@mailyard/db/queries/sessions';
import { addMs, DAY_MS, HOUR_MS } from '../../platform/clock.ts';
import { PRUNE_EXPIRED } from '../kinds.ts';
import type { JobHandler } from '../types.ts';

/** Rate-limit windows last an hour at most; a day later their counters can no longer refuse anything. */
const RATE_LIMIT_RETENTION_MS = DAY_MS;

/**
 * Schedules the pruning due at `runAt`. Keyed by its hour, so every replica that starts (or every run that
 * schedules the next) asks for the same job, and one runs.
 */
export async function schedulePruning(db: Db, runAt: Date, now: Date): Promise<void> {
  const hour = new Date(Math.floor(runAt.getTime() / HOUR_MS) * HOUR_MS);
  await enqueueJob(db, { kind: PRUNE_EXPIRED, payload: {}, runAt, key: `${PRUNE_EXPIRED}:${hour.toISOString()}`, createdAt: now });
}

/**
 * Hourly: deletes expired console and portal sessions and spent rate-limit counters, which nothing else removes,
 * so those tables hold only what can still matter. Then schedules the next run, at the top of the next hour.
 */
export const pruneExpired: JobHandler = {
  async run({ deps }) {
    const now = deps.clock();
    await deleteExpiredSessions(deps.db, now);
    await deleteOldRateLimits(deps.db, addMs(now, -RATE_LIMIT_RETENTION_MS));
    await schedulePruning(deps.db, new Date((Math.floor(now.getTime() / HOUR_MS) + 1) * HOUR_MS), now);
  },
};
