import type { Db } from '@mailyard/db';
import { schedulePeriodic } from '../periodic.ts';

export const CHECK_DOMAINS = 'domains.check';

/** Schedules the sweep (`checkDueDomains`) due at `runAt`, one per MAILYARD_DOMAIN_CHECK_SECONDS slot. */
export const scheduleDomainChecks = (db: Db, runAt: Date, now: Date, slotSeconds: number): Promise<void> =>
  schedulePeriodic(db, CHECK_DOMAINS, runAt, now, slotSeconds);
