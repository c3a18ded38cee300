import { usageMb, usageState, type MailboxView } from '@mailyard/core/mailboxes';
import type { UserRef } from '@mailyard/core/users';
import type { Db } from '@mailyard/db';
import { findLiveMailbox } from '@mailyard/db/queries/mailbox-usage';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { noMailbox, requireMailboxOwner } from './owner.ts';

/** The Quota tab of a user: quota, last reported usage and its state, and when a disabled user's mailbox goes. */
export async function getMailbox(db: Db, actor: OperatorActor, input: UserRef): Promise<MailboxView> {
  await requireOrganization(db, actor, input.organizationId);
  const owner = await requireMailboxOwner(db, input.organizationId, input.userId, { field: 'userId', usersOnly: true });
  const mailbox = (await findLiveMailbox(db, input.organizationId, owner.id)) ?? noMailbox(owner.name);
  return mailboxView(owner.id, mailbox);
}

/** What the Quota tab shows of a user's live mailbox. */
export function mailboxView(userId: string, m: Omit<MailboxView, 'userId' | 'usageMb' | 'usageState'>): MailboxView {
  return {
    userId,
    quotaMb: m.quotaMb,
    usageBytes: m.usageBytes,
    usageMb: usageMb(m.usageBytes),
    usageState: usageState(m.usageBytes, m.quotaMb),
    usageReportedAt: m.usageReportedAt,
    quotaWarningSentAt: m.quotaWarningSentAt,
    deletionDueAt: m.deletionDueAt,
  };
}
