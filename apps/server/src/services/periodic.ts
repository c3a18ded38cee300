import type { Db } from '@mailyard/db';
import { enqueueJob } from '@mailyard/db/queries/jobs';

/**
 * Schedules a periodic sweep of `kind` due at `runAt`, keyed by its time slot (`slotSeconds` wide), so that every
 * replica that starts, and every sweep that schedules the next, asks for the same job, and it runs once (also when a
 * replica starts after another ran it).
 */
export async function schedulePeriodic(db: Db, kind: string, runAt: Date, now: Date, slotSeconds: number): Promise<void> {
  const slot = Math.floor(runAt.getTime() / (slotSeconds * 1000));
  await enqueueJob(db, { kind, payload: {}, runAt, key: `${kind}:${slot}`, once: true, createdAt: now });
}
