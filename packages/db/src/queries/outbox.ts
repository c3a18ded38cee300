import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { OutboxEntry, OutboxState } from '@mailyard/core/notices';
import type { Db } from '../client.ts';
import { outbox } from '../schema/index.ts';

export interface OutboxMessageInput {
  organizationId: string | null;
  kind: string;
  toAddress: string;
  subject: string;
  body: string;
  createdAt: Date;
}

const entryColumns = {
  id: outbox.id,
  kind: outbox.kind,
  to: outbox.toAddress,
  subject: outbox.subject,
  body: outbox.body,
  state: sql<OutboxState>`${outbox.state}`,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
  lastError: outbox.lastError,
};

/** Writes a notice, queued, in the caller's transaction. Returns its id for the job that delivers it. */
export async function insertOutboxMessage(db: Db, message: OutboxMessageInput): Promise<number> {
  const [row] = await db
    .insert(outbox)
    .values({ ...message, state: 'queued' })
    .returning({ id: outbox.id });
  return row!.id;
}

export async function findOutboxMessage(db: Db, id: number): Promise<(OutboxEntry & { organizationId: string | null }) | null> {
  const [row] = await db
    .select({ ...entryColumns, organizationId: outbox.organizationId })
    .from(outbox)
    .where(eq(outbox.id, id));
  return row ?? null;
}

/** Moves a notice on (sent, kept, failed) or records the last delivery error of a queued one. */
export async function updateOutboxMessage(
  db: Db,
  id: number,
  patch: { state: OutboxState; sentAt?: Date | null; lastError?: string | null },
): Promise<void> {
  await db.update(outbox).set(patch).where(eq(outbox.id, id));
}

/** An organization's notices, newest first; keyset on (created_at, id), served by `outbox_org_idx`. */
export async function listOutboxPage(
  db: Db,
  q: { organizationId: string; after: [string, number] | null; limit: number },
): Promise<OutboxEntry[]> {
  const conditions: SQL[] = [eq(outbox.organizationId, q.organizationId)];
  if (q.after) conditions.push(sql`(${outbox.createdAt}, ${outbox.id}) < (${q.after[0]}::timestamptz, ${q.after[1]})`);
  return db
    .select(entryColumns)
    .from(outbox)
    .where(and(...conditions))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(q.limit);
}
