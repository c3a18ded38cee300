import { z } from 'zod';
import type { Db } from '@mailyard/db';
import { enqueueJob } from '@mailyard/db/queries/jobs';
import { text } from '@mailyard/core/text';
import { OperatorActorPayload } from '../actor-payload.ts';

export const MIGRATE_WORKMAIL = 'migration.run';

/** The run, and the operator who started it: the job changes the organization as them. */
export const MigrationJob = z.object({ organizationId: text(), runId: text(), actor: OperatorActorPayload });
export type MigrationJob = z.infer<typeof MigrationJob>;

/**
 * Enqueues the run's job (`runMigrationJob`) in the caller's transaction, keyed by run and phase so a repeated click
 * adds none. A migration reads a whole organization on each attempt: three attempts, not the default five.
 */
export async function scheduleMigrationRun(tx: Db, job: MigrationJob & { phase: 'plan' | 'apply'; now: Date }): Promise<void> {
  const { phase, now, ...payload } = job;
  await enqueueJob(tx, { kind: MIGRATE_WORKMAIL, payload, runAt: now, maxAttempts: 3, key: `${MIGRATE_WORKMAIL}:${payload.runId}:${phase}`, createdAt: now });
}
