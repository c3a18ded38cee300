import { failIf } from '@mailyard/core/errors';
import { canDisable, mailboxDeletionDate, type BulkUsersInput, type DisabledUser } from '@mailyard/core/users';
import { inTransaction, type Db } from '@mailyard/db';
import { deprovisionMailbox } from '@mailyard/db/queries/mailboxes';
import { deleteUserSessions } from '@mailyard/db/queries/self-service';
import { updateUser } from '@mailyard/db/queries/users';
import type { Deps } from '../../deps.ts';
import type { Actor, OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { scheduleMailboxDeletion } from '../mailboxes/schedule-deletion.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { refusedAt, requireLockedUsers, userFacts, userTarget } from './require.ts';

/**
 * Disables users (the console's Disable dialog; WorkMail's DeregisterFromWorkMail with one id). Each becomes
 * inaccessible at once — state DISABLED, portal sessions ended — and its mailbox is kept for 30 days, then deleted
 * by a durable job enqueued in the same transaction. All or nothing: a refused row (`userIds.1`) disables no one.
 */
export async function disableUsers(deps: Deps, actor: OperatorActor, input: BulkUsersInput): Promise<{ users: DisabledUser[] }> {
  const now = deps.clock();
  const mailboxDeletionDueAt = mailboxDeletionDate(now);
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const selected = await requireLockedUsers(tx, org.id, input.userIds, (i) => `userIds.${i}`);
    selected.forEach((user, i) => failIf(refusedAt(canDisable(userFacts(user)), `userIds.${i}`)));
    for (const user of selected) await disableLockedUser(tx, actor, org, user, now);
    return { users: selected.map((u) => ({ userId: u.id, mailboxDeletionDueAt })) };
  });
}

/**
 * Disables one user whose row the caller's transaction holds: state DISABLED, portal sessions ended, mailbox kept for
 * 30 days then deleted by a job enqueued here. Also what a directory sync does to a user the directory no longer has.
 */
export async function disableLockedUser(tx: Db, actor: Actor, org: { id: string; accountId: string }, user: { id: string; name: string; state: string }, now: Date): Promise<void> {
  const mailboxDeletionDueAt = mailboxDeletionDate(now);
  const key = { organizationId: org.id, userId: user.id };
  await updateUser(tx, org.id, user.id, { state: 'DISABLED', disabledAt: now, updatedAt: now });
  const sessionsEnded = await deleteUserSessions(tx, key);
  await deprovisionMailbox(tx, org.id, user.id, now, mailboxDeletionDueAt);
  await scheduleMailboxDeletion(tx, { ...key, accountId: org.accountId, runAt: mailboxDeletionDueAt, now });
  await recordAudit(
    tx,
    actor,
    {
      action: 'user.disable',
      organizationId: org.id,
      accountId: org.accountId,
      target: userTarget(user),
      before: { state: user.state },
      after: { state: 'DISABLED', mailboxDeletionDueAt, sessionsEnded },
    },
    now,
  );
}
