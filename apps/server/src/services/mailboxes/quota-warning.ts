import type { EntityState } from '@mailyard/core/entities';
import { quotaWarningNotice, quotaWarningStep } from '@mailyard/core/mailboxes';
import type { Db } from '@mailyard/db';
import { setQuotaWarningSentAt } from '@mailyard/db/queries/mailbox-usage';
import { systemActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { sendNotice } from '../mail/send-notice.ts';

export const QUOTA_WARNING_NOTICE = 'mailbox.quota_warning';

/** A locked mailbox after its usage or quota changed, with its owner. */
export interface MailboxAfterChange {
  accountId: string;
  organizationId: string;
  userId: string;
  name: string;
  displayName: string;
  state: EntityState;
  primaryEmail: string | null;
  usageBytes: number;
  quotaMb: number;
  quotaWarningSentAt: Date | null;
}

/**
 * Keeps the 90 % notice at one per crossing: sends it (and remembers that it did) when usage is at or above the line
 * and no notice is outstanding; re-arms it when usage is below again. Runs in the transaction that changed the
 * mailbox, which holds its row lock, so two reports cannot both send. A user who is not enabled is not written to;
 * the notice then goes out on the first report after the user is enabled again. Returns the mailbox's
 * `quotaWarningSentAt` as it now stands.
 */
export async function settleQuotaWarning(tx: Db, m: MailboxAfterChange, now: Date): Promise<Date | null> {
  const step = quotaWarningStep(m.quotaWarningSentAt !== null, m.usageBytes, m.quotaMb);
  if (step === 'rearm') {
    await setQuotaWarningSentAt(tx, m.organizationId, m.userId, null);
    return null;
  }
  if (step !== 'notify' || m.state !== 'ENABLED' || !m.primaryEmail) return m.quotaWarningSentAt;
  const { subject, body } = quotaWarningNotice({ displayName: m.displayName, address: m.primaryEmail, usageBytes: m.usageBytes, quotaMb: m.quotaMb });
  const { outboxId } = await sendNotice(tx, { organizationId: m.organizationId, kind: QUOTA_WARNING_NOTICE, to: m.primaryEmail, subject, body }, now);
  await setQuotaWarningSentAt(tx, m.organizationId, m.userId, now);
  await recordAudit(
    tx,
    systemActor,
    {
      action: QUOTA_WARNING_NOTICE,
      accountId: m.accountId,
      organizationId: m.organizationId,
      target: { type: 'user', id: m.userId, label: m.name },
      after: { to: m.primaryEmail, usageBytes: m.usageBytes, quotaMb: m.quotaMb, outboxId },
    },
    now,
  );
  return now;
}
