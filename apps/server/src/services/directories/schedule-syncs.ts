import type { Db } from '@mailyard/db';
import { schedulePeriodic } from '../periodic.ts';

export const SYNC_DIRECTORIES = 'directories.sync';

/** Schedules the periodic sync (`syncDirectoriesDue`) due at `runAt`, one per MAILYARD_DIRECTORY_SYNC_SECONDS slot. */
export const scheduleDirectorySyncs = (db: Db, runAt: Date, now: Date, slotSeconds: number): Promise<void> =>
  schedulePeriodic(db, SYNC_DIRECTORIES, runAt, now, slotSeconds);
