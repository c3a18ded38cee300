import { z } from 'zod';
import type { Db } from '@mailyard/db';
import { enqueueJob } from '@mailyard/db/queries/jobs';
import { text } from '@mailyard/core/text';
import { OperatorActorPayload } from '../actor-payload.ts';

export const IMPORT_USERS = 'users.import';

/** The import, and the operator who applied it: each user it creates is created (and audited) as theirs. */
export const ImportBatchJob = z.object({ organizationId: text(), importId: text(), actor: OperatorActorPayload });
export type ImportBatchJob = z.infer<typeof ImportBatchJob>;

/** Enqueues the batch (`runImportBatch`) that starts after `processedRows` rows, in the caller's transaction. */
export async function scheduleImportBatch(tx: Db, batch: ImportBatchJob & { processedRows: number; now: Date }): Promise<void> {
  const { processedRows, now, ...payload } = batch;
  await enqueueJob(tx, { kind: IMPORT_USERS, payload, runAt: now, key: `${IMPORT_USERS}:${payload.importId}:${processedRows}`, createdAt: now });
}
