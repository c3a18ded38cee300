import { deleteOldRateLimits } from '@mailyard/db/queries/rate-limits';
import { deleteExpiredSessions } from '@mailyard/db/queries/sessions';
import type { Deps } from '../../deps.ts';
import { addMs, DAY_MS, HOUR_MS } from '../../platform/clock.ts';
import { schedulePruning } from './schedule-pruning.ts';

/** Rate-limit windows last an hour at most; a day later their counters can no longer refuse anything. */
const RATE_LIMIT_RETENTION_MS = DAY_MS;

/**
 * The hourly `housekeeping.prune` job: deletes expired console and portal sessions and spent rate-limit counters,
 * which nothing else removes, so those tables hold only what can still matter. Then schedules the next run, at the
 * top of the next hour.
 */
export async function pruneExpired(deps: Deps): Promise<void> {
  const now = deps.clock();
  await deleteExpiredSessions(deps.db, now);
  await deleteOldRateLimits(deps.db, addMs(now, -RATE_LIMIT_RETENTION_MS));
  await schedulePruning(deps.db, new Date((Math.floor(now.getTime() / HOUR_MS) + 1) * HOUR_MS), now);
}
