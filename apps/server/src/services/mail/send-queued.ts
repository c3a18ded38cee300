import { findOutboxMessage, updateOutboxMessage } from '@mailyard/db/queries/outbox';
import type { Deps } from '../../deps.ts';
import { PermanentJobError } from '../../platform/permanent-error.ts';
import { deliverMail, isPermanentSmtpError } from './deliver.ts';

/**
 * The `mail.send` job: delivers one queued notice. Without SMTP_URL the notice is kept: it stays readable in the
 * console's Outbox and is announced in the log, so a fresh installation loses nothing. A notice no longer queued
 * (a re-run) is left alone.
 */
export async function sendQueuedNotice(deps: Deps, id: number): Promise<void> {
  const message = await findOutboxMessage(deps.db, id);
  if (!message) throw new PermanentJobError(`Outbox message ${id} no longer exists.`);
  if (message.state !== 'queued') return;
  const smtpUrl = deps.config.SMTP_URL;
  if (!smtpUrl) {
    // The body stays out of the log: it may hold a reset link or a code. Operators read it in the console's Outbox.
    deps.log.info(`Notice kept in the outbox (SMTP_URL is not set): #${id} to ${message.to}: ${message.subject}`);
    await updateOutboxMessage(deps.db, id, { state: 'kept' });
    return;
  }
  try {
    await deliverMail({ ...deps.config, SMTP_URL: smtpUrl }, message);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    await updateOutboxMessage(deps.db, id, { state: 'queued', lastError: error.message });
    throw isPermanentSmtpError(error) ? new PermanentJobError(error.message) : error;
  }
  await updateOutboxMessage(deps.db, id, { state: 'sent', sentAt: deps.clock(), lastError: null });
}

/** The last attempt failed: the Outbox shows the notice as failed, with the relay's last answer. */
export async function failQueuedNotice(deps: Deps, id: number, lastError: string): Promise<void> {
  await updateOutboxMessage(deps.db, id, { state: 'failed', lastError });
}
