import type { Db } from '@mailyard/db';
import { enqueueJob } from '@mailyard/db/queries/jobs';
import { HOUR_MS } from '../../platform/clock.ts';

export const PRUNE_EXPIRED = 'housekeeping.prune';

/**
 * Schedules the pruning (`pruneExpired`) due at `runAt`. Keyed by its hour, so every replica that starts (or every
 * run that schedules the next) asks for the same job, and it runs once (also when a replica starts after another ran it).
 */
export async function schedulePruning(db: Db, runAt: Date, now: Date): Promise<void> {
  const hour = new Date(Math.floor(runAt.getTime() / HOUR_MS) * HOUR_MS);
  await enqueueJob(db, { kind: PRUNE_EXPIRED, payload: {}, runAt, key: `${PRUNE_EXPIRED}:${hour.toISOString()}`, once: true, createdAt: now });
}
