import { z } from 'zod';
import type { Db } from '@mailyard/db';
import { enqueueJob } from '@mailyard/db/queries/jobs';
import { text } from '@mailyard/core/text';

export const DELETE_ORGANIZATION = 'organization.delete';

export const DeletionJob = z.object({ organizationId: text() });

/** Enqueues the end of a deletion (`finishOrganizationDeletion`), in the transaction that moves it to `Deleting`. */
export async function scheduleOrganizationDeletion(tx: Db, organizationId: string, now: Date): Promise<void> {
  await enqueueJob(tx, { kind: DELETE_ORGANIZATION, payload: { organizationId }, runAt: now, key: `${DELETE_ORGANIZATION}:${organizationId}`, createdAt: now });
}
