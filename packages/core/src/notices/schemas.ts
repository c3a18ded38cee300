import { z } from 'zod';
import { organizationId } from '../organizations/ids.ts';
import { pageInput } from '../pagination/cursor.ts';

/**
 * An outgoing notice's life: `queued` until the mail job runs; then `sent` through SMTP_URL, or `kept` when no relay
 * is configured (it stays readable in the outbox and in the log), or `failed` when the relay refused it every time.
 */
export const outboxStates = ['queued', 'sent', 'kept', 'failed'] as const;
export type OutboxState = (typeof outboxStates)[number];

/** What stands in a delivered notice where its secret (a code, a reset link) was: the recipient has it, nobody else needs it. */
export const REMOVED_AFTER_DELIVERY = '[removed after delivery]';

export const ListOutboxInput = z.object({ organizationId, ...pageInput });
export type ListOutboxInput = z.infer<typeof ListOutboxInput>;

/** One notice as operators see it in the outbox. */
export interface OutboxEntry {
  id: number;
  /** What it is about, e.g. `mailbox.quota_warning`, `password.reset_link`. */
  kind: string;
  to: string;
  subject: string;
  body: string;
  state: OutboxState;
  createdAt: Date;
  sentAt: Date | null;
  lastError: string | null;
}
