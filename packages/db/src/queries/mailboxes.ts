import { and, eq, isNull, or } from 'drizzle-orm';
import type { UserMailbox } from '@mailyard/core/users';
import type { Db } from '../client.ts';
import { mailboxes, mailboxPermissions } from '../schema/index.ts';

const columns = {
  quotaMb: mailboxes.quotaMb,
  usageBytes: mailboxes.usageBytes,
  usageReportedAt: mailboxes.usageReportedAt,
  provisionedAt: mailboxes.provisionedAt,
  deprovisionedAt: mailboxes.deprovisionedAt,
  deletionDueAt: mailboxes.deletionDueAt,
  deletedAt: mailboxes.deletedAt,
};

const ofEntity = (organizationId: string, entityId: string) =>
  and(eq(mailboxes.organizationId, organizationId), eq(mailboxes.entityId, entityId));

export async function findMailbox(db: Db, organizationId: string, entityId: string): Promise<UserMailbox | null> {
  const [row] = await db.select(columns).from(mailboxes).where(ofEntity(organizationId, entityId));
  return row ?? null;
}

/**
 * Gives an entity a new, empty mailbox: a first one, or a fresh one in place of a mailbox the retention job
 * deleted (the row is the mailbox's identity, so it is reset rather than duplicated).
 */
export async function provisionMailbox(db: Db, m: { organizationId: string; entityId: string; quotaMb: number; at: Date }): Promise<void> {
  const fresh = {
    quotaMb: m.quotaMb,
    usageBytes: 0,
    usageReportedAt: null,
    quotaWarningSentAt: null,
    provisionedAt: m.at,
    deprovisionedAt: null,
    deletionDueAt: null,
    deletedAt: null,
  };
  await db
    .insert(mailboxes)
    .values({ organizationId: m.organizationId, entityId: m.entityId, ...fresh })
    .onConflictDoUpdate({ target: [mailboxes.organizationId, mailboxes.entityId], set: fresh });
}

/** A disabled user's mailbox is kept until `deletionDueAt`. */
export async function deprovisionMailbox(db: Db, organizationId: string, entityId: string, at: Date, deletionDueAt: Date): Promise<void> {
  await db.update(mailboxes).set({ deprovisionedAt: at, deletionDueAt }).where(ofEntity(organizationId, entityId));
}

/** Re-enabling before the deletion: the kept mailbox, with its mail, quota and usage, is the user's again. */
export async function restoreMailbox(db: Db, organizationId: string, entityId: string): Promise<void> {
  await db.update(mailboxes).set({ deprovisionedAt: null, deletionDueAt: null }).where(ofEntity(organizationId, entityId));
}

/** The retention job: marks the mailbox deleted once. Returns whether this call did it. */
export async function markMailboxDeleted(db: Db, organizationId: string, entityId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(mailboxes)
    .set({ deletedAt: at })
    .where(and(ofEntity(organizationId, entityId), isNull(mailboxes.deletedAt)))
    .returning({ entityId: mailboxes.entityId });
  return rows.length > 0;
}

/** A deleted entity's permissions go both ways: those on its mailbox and those it held on others'. */
export async function deleteEntityMailboxPermissions(db: Db, organizationId: string, entityId: string): Promise<number> {
  const rows = await db
    .delete(mailboxPermissions)
    .where(
      and(
        eq(mailboxPermissions.organizationId, organizationId),
        or(eq(mailboxPermissions.mailboxEntityId, entityId), eq(mailboxPermissions.granteeId, entityId)),
      ),
    )
    .returning({ granteeId: mailboxPermissions.granteeId });
  return rows.length;
}
