import { z } from 'zod';
import type { Db } from '@mailyard/db';
import { enqueueJob } from '@mailyard/db/queries/jobs';

export const SEND_MAIL = 'mail.send';

export const DeliveryJob = z.object({ outboxId: z.number().int().positive() });

/** Enqueues the delivery of an outbox message (`sendQueuedNotice`), in the transaction that writes it. */
export async function scheduleDelivery(tx: Db, outboxId: number, now: Date): Promise<void> {
  await enqueueJob(tx, {
    kind: SEND_MAIL,
    payload: { outboxId },
    runAt: now,
    key: `${SEND_MAIL}:${outboxId}`,
    // The backoff doubles up to 10 minutes: 20 attempts ride out a relay outage of about two hours.
    maxAttempts: 20,
    createdAt: now,
  });
}
