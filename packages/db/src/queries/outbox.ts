import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { OutboxEntry, OutboxState } from '@mailyard/core/notices';
import type { ListTotal } from '@mailyard/core/pagination';
import type { Db } from '../client.ts';
import { scopeTotal } from '../list-total.ts';
import { outbox } from '../schema/index.ts';

export interface OutboxMessageInput {
  organizationId: string | null;
  kind: string;
  toAddress: string;
  subject: string;
  body: string;
  /** What in subject and body gives access: `markOutboxSent` replaces it. Never read back out of `db`. */
  secret: string | null;
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

/**
 * A notice the relay accepted: its secret (if any) is replaced in subject and body by `placeholder` and forgotten, in the
 * same statement that marks it sent, so a delivered code or link is not readable in the outbox afterwards.
 */
export async function markOutboxSent(db: Db, id: number, sentAt: Date, placeholder: string): Promise<void> {
  const redact = (column: typeof outbox.subject | typeof outbox.body) => sql`case when ${outbox.secret} is null then ${column} else replace(${column}, ${outbox.secret}, ${placeholder}) end`;
  await db
    .update(outbox)
    .set({ state: 'sent', sentAt, lastError: null, subject: redact(outbox.subject), body: redact(outbox.body), secret: null })
    .where(eq(outbox.id, id));
}

/** An organization's notices, newest first; keyset on (created_at, id), served by `outbox_org_idx`. */
const ofOrganization = (organizationId: string) => eq(outbox.organizationId, organizationId);

/** How many notices the organization's outbox holds (its list's total). */
export const countOutbox = (db: Db, organizationId: string): Promise<ListTotal> => scopeTotal(db, outbox, ofOrganization(organizationId));

export async function listOutboxPage(
  db: Db,
  q: { organizationId: string; after: [string, number] | null; limit: number },
): Promise<OutboxEntry[]> {
  const conditions: SQL[] = [ofOrganization(q.organizationId)];
  if (q.after) conditions.push(sql`(${outbox.createdAt}, ${outbox.id}) < (${q.after[0]}::timestamptz, ${q.after[1]})`);
  return db
    .select(entryColumns)
    .from(outbox)
    .where(and(...conditions))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(q.limit);
}
