import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { EntityState } from '@mailyard/core/entities';
import type { Db } from '../client.ts';
import { addresses, mailboxes, organizations, users } from '../schema/index.ts';

/** The owner facts a quota change or a 90 % notice needs. */
const ownerColumns = {
  organizationId: users.organizationId,
  userId: users.id,
  name: users.name,
  displayName: users.displayName,
  state: sql<EntityState>`${users.state}`,
  primaryEmail: users.primaryEmail,
};

const mailboxColumns = {
  quotaMb: mailboxes.quotaMb,
  usageBytes: mailboxes.usageBytes,
  usageReportedAt: mailboxes.usageReportedAt,
  quotaWarningSentAt: mailboxes.quotaWarningSentAt,
  deletionDueAt: mailboxes.deletionDueAt,
};

const liveMailboxOf = and(
  eq(mailboxes.organizationId, users.organizationId),
  eq(mailboxes.entityId, users.id),
  isNull(mailboxes.deletedAt),
);

/** A user's live mailbox (`null` when it has none: never enabled, or deleted). */
export async function findLiveMailbox(db: Db, organizationId: string, userId: string) {
  const [row] = await db
    .select(mailboxColumns)
    .from(mailboxes)
    .where(and(eq(mailboxes.organizationId, organizationId), eq(mailboxes.entityId, userId), isNull(mailboxes.deletedAt)));
  return row ?? null;
}

/**
 * Locks a user's live mailbox, with its owner's facts for the quota rule and the 90 % notice: quota changes and usage
 * reports of one mailbox run one at a time.
 */
export async function lockMailbox(db: Db, organizationId: string, userId: string) {
  const [row] = await db
    .select({ ...ownerColumns, ...mailboxColumns })
    .from(mailboxes)
    .innerJoin(users, and(eq(users.organizationId, mailboxes.organizationId), eq(users.id, mailboxes.entityId)))
    .where(and(eq(mailboxes.organizationId, organizationId), eq(mailboxes.entityId, userId), isNull(mailboxes.deletedAt)))
    .for('update', { of: mailboxes });
  return row ?? null;
}

export async function setMailboxQuota(db: Db, organizationId: string, userId: string, quotaMb: number): Promise<void> {
  await db
    .update(mailboxes)
    .set({ quotaMb })
    .where(and(eq(mailboxes.organizationId, organizationId), eq(mailboxes.entityId, userId)));
}

/** Set when the 90 % notice goes out, cleared when usage falls below the line (which re-arms the notice). */
export async function setQuotaWarningSentAt(db: Db, organizationId: string, userId: string, at: Date | null): Promise<void> {
  await db
    .update(mailboxes)
    .set({ quotaWarningSentAt: at })
    .where(and(eq(mailboxes.organizationId, organizationId), eq(mailboxes.entityId, userId)));
}

export type ReportedMailbox = Awaited<ReturnType<typeof lockMailboxesByAddress>>[number];

/**
 * The live user mailboxes that `addresses` (primaries or aliases, lower case) name, locked. Rows are locked in
 * key order, so two reports naming the same mailboxes wait for each other instead of deadlocking. The addresses go as
 * one array parameter, so a report of any size is the same prepared statement (an `in (…)` list would be one more per
 * length, up to a thousand, on every connection).
 */
export async function lockMailboxesByAddress(db: Db, addressList: string[]) {
  if (addressList.length === 0) return [];
  return db
    .select({
      address: addresses.address,
      accountId: organizations.accountId,
      ...ownerColumns,
      quotaMb: mailboxes.quotaMb,
      usageBytes: mailboxes.usageBytes,
      quotaWarningSentAt: mailboxes.quotaWarningSentAt,
    })
    .from(addresses)
    .innerJoin(users, and(eq(users.organizationId, addresses.organizationId), eq(users.id, addresses.entityId)))
    .innerJoin(mailboxes, liveMailboxOf)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(sql`${addresses.address} = any(${sql.param(addressList)}::text[])`, eq(addresses.entityType, 'USER')))
    .orderBy(asc(mailboxes.organizationId), asc(mailboxes.entityId))
    .for('update', { of: mailboxes });
}

/** Records the sizes the mail server measured, in one statement: the same one whatever their number (arrays, unnested). */
export async function recordMailboxUsage(
  db: Db,
  reports: { organizationId: string; userId: string; usageBytes: number }[],
  at: Date,
): Promise<void> {
  if (reports.length === 0) return;
  const column = <T>(pick: (r: (typeof reports)[number]) => T) => sql.param(reports.map(pick));
  await db.execute(sql`
    update mailboxes m set usage_bytes = r.usage_bytes, usage_reported_at = ${at.toISOString()}::timestamptz
    from unnest(${column((r) => r.organizationId)}::text[], ${column((r) => r.userId)}::uuid[], ${column((r) => String(r.usageBytes))}::bigint[])
      as r(organization_id, entity_id, usage_bytes)
    where m.organization_id = r.organization_id and m.entity_id = r.entity_id`);
}
