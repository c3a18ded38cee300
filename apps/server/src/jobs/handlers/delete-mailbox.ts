import { z } from 'zod';
import { inTransaction, type Db } from '@mailyard/db';
import { cancelJobByKey, enqueueJob } from '@mailyard/db/queries/jobs';
import { findMailbox, markMailboxDeleted } from '@mailyard/db/queries/mailboxes';
import { findUser } from '@mailyard/db/queries/users';
import { systemActor } from '../../services/actor.ts';
import { recordAudit } from '../../services/audit.ts';
import { DELETE_MAILBOX } from '../kinds.ts';
import type { JobHandler } from '../types.ts';

const Payload = z.object({ accountId: z.string(), organizationId: z.string(), userId: z.string() });
type Payload = z.infer<typeof Payload>;

/** One pending deletion per user: re-enabling cancels it by this key, disabling again schedules a new one. */
const jobKey = (organizationId: string, userId: string) => `${DELETE_MAILBOX}:${organizationId}:${userId}`;

/** Schedules the deletion of a disabled user's mailbox, in the transaction that disables the user. */
export async function scheduleMailboxDeletion(tx: Db, job: Payload & { runAt: Date; now: Date }): Promise<void> {
  const { runAt, now, ...payload } = job;
  await enqueueJob(tx, { kind: DELETE_MAILBOX, payload, runAt, key: jobKey(job.organizationId, job.userId), createdAt: now });
}

export async function cancelMailboxDeletion(tx: Db, organizationId: string, userId: string, now: Date): Promise<boolean> {
  return cancelJobByKey(tx, jobKey(organizationId, userId), now);
}

/**
 * Deletes the mailbox of a user disabled 30 days ago. With the user row locked, so it cannot interleave with a
 * re-enable: whichever commits first wins, and a user enabled meanwhile keeps (or gets a fresh) mailbox.
 */
export const deleteMailbox: JobHandler = {
  async run({ deps }, payload) {
    const { accountId, organizationId, userId } = Payload.parse(payload);
    await inTransaction(deps.db, async (tx) => {
      const now = deps.clock();
      const user = await findUser(tx, organizationId, userId, 'update');
      const mailbox = await findMailbox(tx, organizationId, userId);
      if (!user || user.state === 'ENABLED' || !mailbox?.deletionDueAt || mailbox.deletionDueAt > now) return;
      if (!(await markMailboxDeleted(tx, organizationId, userId, now))) return;
      await recordAudit(
        tx,
        systemActor,
        {
          action: 'mailbox.delete',
          accountId,
          organizationId,
          target: { type: 'user', id: userId, label: user.name },
          before: { deletionDueAt: mailbox.deletionDueAt },
          after: { deletedAt: now },
        },
        now,
      );
    });
  },
};
