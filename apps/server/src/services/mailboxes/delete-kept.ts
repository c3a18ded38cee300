import { inTransaction } from '@mailyard/db';
import { findMailbox, markMailboxDeleted } from '@mailyard/db/queries/mailboxes';
import { findUser } from '@mailyard/db/queries/users';
import type { Deps } from '../../deps.ts';
import { systemActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { MailboxDeletionJob } from './schedule-deletion.ts';

/**
 * The `mailbox.delete` job: deletes the mailbox of a user disabled 30 days ago. With the user row locked, so it
 * cannot interleave with a re-enable: whichever commits first wins, and a user enabled meanwhile keeps (or gets a
 * fresh) mailbox.
 */
export async function deleteKeptMailbox(deps: Deps, { accountId, organizationId, userId }: MailboxDeletionJob): Promise<void> {
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
}
