import { z } from 'zod';
import { findOutboxMessage, updateOutboxMessage } from '@mailyard/db/queries/outbox';
import { deliverMail, isPermanentSmtpError } from '../../services/mail/deliver.ts';
import { PermanentJobError, type JobHandler } from '../types.ts';

const Payload = z.object({ outboxId: z.number().int().positive() });

function parse(payload: unknown) {
  const parsed = Payload.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError(`mail.send: bad payload ${JSON.stringify(payload)}`);
  return parsed.data.outboxId;
}

/**
 * Delivers one queued notice. Without SMTP_URL the notice is kept: it stays readable in the console's Outbox and is
 * announced in the log, so a fresh installation loses nothing. A notice no longer queued (a re-run) is left alone.
 */
export const sendMail: JobHandler = {
  async run({ deps }, payload) {
    const id = parse(payload);
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
  },
  async giveUp({ deps }, payload, error) {
    const parsed = Payload.safeParse(payload);
    if (parsed.success) await updateOutboxMessage(deps.db, parsed.data.outboxId, { state: 'failed', lastError: error.message });
  },
};
