import type { Db } from '@mailyard/db';
import { insertOutboxMessage } from '@mailyard/db/queries/outbox';
import { scheduleDelivery } from './schedule-delivery.ts';

export interface Notice {
  /** The organization it concerns (its operators see it in the outbox); `null` for installation-level mail. */
  organizationId: string | null;
  /** What it is about, e.g. `mailbox.quota_warning`, `password.reset_link`. */
  kind: string;
  to: string;
  subject: string;
  /** Plain text. */
  body: string;
  /** What in subject or body gives access (a code, a link): removed from the outbox once delivered. */
  secret?: string;
}

/**
 * Sends a notice by mail. It is written to the outbox and its delivery job enqueued in the caller's transaction, so
 * it goes out exactly when the change that caused it commits, and never when that change rolls back. The `mail.send`
 * job delivers it through SMTP_URL, or keeps it in the outbox (and the log) when no relay is configured.
 */
export async function sendNotice(tx: Db, notice: Notice, now: Date): Promise<{ outboxId: number }> {
  const outboxId = await insertOutboxMessage(tx, {
    organizationId: notice.organizationId,
    kind: notice.kind,
    toAddress: notice.to,
    subject: notice.subject,
    body: notice.body,
    secret: notice.secret ?? null,
    createdAt: now,
  });
  await scheduleDelivery(tx, outboxId, now);
  return { outboxId };
}
