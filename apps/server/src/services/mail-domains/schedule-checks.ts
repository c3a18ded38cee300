import type { Db } from '@mailyard/db';
import { enqueueJob } from '@mailyard/db/queries/jobs';

export const CHECK_DOMAINS = 'domains.check';

/**
 * Schedules the sweep (`checkDueDomains`) due at `runAt`, keyed by its time slot (MAILYARD_DOMAIN_CHECK_SECONDS wide)
 * so that every replica that starts, and every sweep that schedules the next, asks for the same job, and one runs.
 */
export async function scheduleDomainChecks(db: Db, runAt: Date, now: Date, slotSeconds: number): Promise<void> {
  const slot = Math.floor(runAt.getTime() / (slotSeconds * 1000));
  await enqueueJob(db, { kind: CHECK_DOMAINS, payload: {}, runAt, key: `${CHECK_DOMAINS}:${slot}`, createdAt: now });
}
