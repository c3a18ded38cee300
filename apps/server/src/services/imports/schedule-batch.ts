import { z } from 'zod';
import type { Db } from '@mailyard/db';
import { enqueueJob } from '@mailyard/db/queries/jobs';

export const IMPORT_USERS = 'users.import';

/** The operator who applied the import: each user it creates is created (and audited) as theirs. */
const Actor = z.object({
  type: z.literal('operator'),
  operatorId: z.string(),
  accountId: z.string(),
  label: z.string(),
  via: z.string(),
  readOnly: z.boolean(),
  organizationIds: z.array(z.string()).nullable(),
});
export const ImportBatchJob = z.object({ organizationId: z.string(), importId: z.string(), actor: Actor });
export type ImportBatchJob = z.infer<typeof ImportBatchJob>;

/** Enqueues the batch (`runImportBatch`) that starts after `processedRows` rows, in the caller's transaction. */
export async function scheduleImportBatch(tx: Db, batch: ImportBatchJob & { processedRows: number; now: Date }): Promise<void> {
  const { processedRows, now, ...payload } = batch;
  await enqueueJob(tx, { kind: IMPORT_USERS, payload, runAt: now, key: `${IMPORT_USERS}:${payload.importId}:${processedRows}`, createdAt: now });
}
