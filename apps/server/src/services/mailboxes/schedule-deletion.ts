import { z } from 'zod';
import type { Db } from '@mailyard/db';
import { cancelJobByKey, enqueueJob } from '@mailyard/db/queries/jobs';
import { text } from '@mailyard/core/text';

export const DELETE_MAILBOX = 'mailbox.delete';

export const MailboxDeletionJob = z.object({ accountId: text(), organizationId: text(), userId: text() });
export type MailboxDeletionJob = z.infer<typeof MailboxDeletionJob>;

/** One pending deletion per user: re-enabling cancels it by this key, disabling again schedules a new one. */
const jobKey = (organizationId: string, userId: string) => `${DELETE_MAILBOX}:${organizationId}:${userId}`;

/** Schedules the deletion of a disabled user's kept mailbox (`deleteKeptMailbox`), in the transaction that disables the user. */
export async function scheduleMailboxDeletion(tx: Db, job: MailboxDeletionJob & { runAt: Date; now: Date }): Promise<void> {
  const { runAt, now, ...payload } = job;
  await enqueueJob(tx, { kind: DELETE_MAILBOX, payload, runAt, key: jobKey(job.organizationId, job.userId), createdAt: now });
}

export async function cancelMailboxDeletion(tx: Db, organizationId: string, userId: string, now: Date): Promise<boolean> {
  return cancelJobByKey(tx, jobKey(organizationId, userId), now);
}
