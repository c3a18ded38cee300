import { REMOVED_AFTER_DELIVERY } from '@mailyard/core/notices';
import { findOutboxMessage, markOutboxSent, updateOutboxMessage } from '@mailyard/db/queries/outbox';
import type { Deps } from '../../deps.ts';
import { PermanentJobError } from '../../platform/permanent-error.ts';
import { deliverMail, isPermanentSmtpError } from './deliver.ts';

/**
 * The `mail.send` job: delivers one queued notice; once the relay has it, its secret (a code, a reset link) is removed
 * from the outbox. Without SMTP_URL the notice is kept whole: it stays readable in the console's Outbox (the only way
 * it can reach its reader then) and is announced in the log by id, kind and recipient, never its text. A notice no
 * longer queued (a re-run) is left alone.
 */
export async function sendQueuedNotice(deps: Deps, id: number): Promise<void> {
  const message = await findOutboxMessage(deps.db, id);
  if (!message) throw new PermanentJobError(`Outbox message ${id} no longer exists.`);
  if (message.state !== 'queued') return;
  const smtpUrl = deps.config.SMTP_URL;
  if (!smtpUrl) {
    // Subject and body stay out of the log: either may hold a reset link or a code (a code is in the subject).
    deps.log.info(`Notice kept in the outbox (SMTP_URL is not set): #${id} ${message.kind} to ${message.to}`);
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
  await markOutboxSent(deps.db, id, deps.clock(), REMOVED_AFTER_DELIVERY);
}

/** The last attempt failed: the Outbox shows the notice as failed, with the relay's last answer. */
export async function failQueuedNotice(deps: Deps, id: number, lastError: string): Promise<void> {
  await updateOutboxMessage(deps.db, id, { state: 'failed', lastError });
}
