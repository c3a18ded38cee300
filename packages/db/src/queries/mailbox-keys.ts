import { and, asc, eq, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import { MAIL_SERVING_STATES } from '@mailyard/core/organizations';
import type { Db } from '../client.ts';
import { mailboxes, organizations, users } from '../schema/index.ts';

/**
 * The sealed mailbox key of the organization a mailbox belongs to, for a session that reads it: the mailbox must be
 * one Dovecot's userdb finds (`mailserver.v1_mailboxes`: an enabled user of an organization whose mail flows, the
 * mailbox not deleted). `sealedPrivateKey` is null for an organization without a key (its mail is not encrypted).
 */
export async function findMailboxKey(db: Db, address: string) {
  const [row] = await db
    .select({ organizationId: organizations.id, wrappedDataKey: organizations.wrappedDataKey, sealedPrivateKey: organizations.sealedMailboxPrivateKey })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .innerJoin(mailboxes, and(eq(mailboxes.organizationId, users.organizationId), eq(mailboxes.entityId, users.id)))
    .where(and(eq(users.primaryEmail, address), eq(users.state, 'ENABLED'), inArray(organizations.state, [...MAIL_SERVING_STATES]), isNull(mailboxes.deletedAt)));
  return row ?? null;
}

/** Organizations with a data key but no mailbox key yet (made before mailbox encryption), in id order. */
export async function listOrganizationsWithoutMailboxKey(db: Db, q: { after: string | null; limit: number }) {
  const conditions = [isNotNull(organizations.wrappedDataKey), isNull(organizations.mailboxPublicKey)];
  if (q.after !== null) conditions.push(gt(organizations.id, q.after));
  return db
    .select({ id: organizations.id, wrappedDataKey: organizations.wrappedDataKey })
    .from(organizations)
    .where(and(...conditions))
    .orderBy(asc(organizations.id))
    .limit(q.limit);
}

/** Sets the organization's mailbox key unless it has one: a key mail was encrypted with is never replaced. */
export async function setMailboxKey(db: Db, organizationId: string, key: { publicKey: string; sealedPrivateKey: string }): Promise<boolean> {
  const rows = await db
    .update(organizations)
    .set({ mailboxPublicKey: key.publicKey, sealedMailboxPrivateKey: key.sealedPrivateKey })
    .where(and(eq(organizations.id, organizationId), isNull(organizations.mailboxPublicKey)))
    .returning({ id: organizations.id });
  return rows.length === 1;
}
