import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { EntityState, MemberType } from '@mailyard/core/entities';
import type { MailboxPermissionSummary, PermissionType } from '@mailyard/core/permissions';
import type { ListTotal } from '@mailyard/core/pagination';
import type { Db } from '../client.ts';
import { scopeTotal } from '../list-total.ts';
import { groups, mailboxPermissions, users } from '../schema/index.ts';

const ofMailbox = (organizationId: string, mailboxEntityId: string) =>
  and(eq(mailboxPermissions.organizationId, organizationId), eq(mailboxPermissions.mailboxEntityId, mailboxEntityId));

const ofGrantee = (q: { organizationId: string; mailboxEntityId: string; granteeId: string }) =>
  and(ofMailbox(q.organizationId, q.mailboxEntityId), eq(mailboxPermissions.granteeId, q.granteeId));

const asPermissions = (p: string[]) => p as PermissionType[];

/** The grantee's current permissions on the mailbox, locked until the transaction ends; `null` = none. */
export async function findPermissionsForUpdate(
  db: Db,
  q: { organizationId: string; mailboxEntityId: string; granteeId: string },
): Promise<PermissionType[] | null> {
  const [row] = await db.select({ permissions: mailboxPermissions.permissions }).from(mailboxPermissions).where(ofGrantee(q)).for('update');
  return row ? asPermissions(row.permissions) : null;
}

/** Grants the grantee exactly `permissions` on the mailbox, replacing what it had (WorkMail's PutMailboxPermissions). */
export async function putPermissions(
  db: Db,
  row: { organizationId: string; mailboxEntityId: string; granteeId: string; granteeType: MemberType; permissions: PermissionType[]; updatedAt: Date },
): Promise<void> {
  await db
    .insert(mailboxPermissions)
    .values(row)
    .onConflictDoUpdate({
      target: [mailboxPermissions.organizationId, mailboxPermissions.mailboxEntityId, mailboxPermissions.granteeId],
      set: { permissions: row.permissions, granteeType: row.granteeType, updatedAt: row.updatedAt },
    });
}

/** Removes one grantee's permissions; returns what it had, or `null` when it had none. */
export async function deletePermissions(
  db: Db,
  q: { organizationId: string; mailboxEntityId: string; granteeId: string },
): Promise<PermissionType[] | null> {
  const [row] = await db.delete(mailboxPermissions).where(ofGrantee(q)).returning({ permissions: mailboxPermissions.permissions });
  return row ? asPermissions(row.permissions) : null;
}

/** Removes every permission on a mailbox ("Remove all"). Returns what was removed. */
export async function deleteMailboxPermissions(
  db: Db,
  organizationId: string,
  mailboxEntityId: string,
): Promise<{ granteeId: string; granteeType: MemberType; permissions: PermissionType[] }[]> {
  const rows = await db.delete(mailboxPermissions).where(ofMailbox(organizationId, mailboxEntityId)).returning({
    granteeId: mailboxPermissions.granteeId,
    granteeType: sql<MemberType>`${mailboxPermissions.granteeType}`,
    permissions: mailboxPermissions.permissions,
  });
  return rows.map((r) => ({ ...r, permissions: asPermissions(r.permissions) }));
}

/** A page of a mailbox's grantees in grantee-id order (the primary key serves it), with their names. */
/** How many users and groups hold permissions on a mailbox (its Permissions tab's total). */
export const countMailboxPermissions = (db: Db, organizationId: string, mailboxEntityId: string): Promise<ListTotal> =>
  scopeTotal(db, mailboxPermissions, ofMailbox(organizationId, mailboxEntityId));

export async function listMailboxPermissionsPage(
  db: Db,
  q: { organizationId: string; mailboxEntityId: string; after: string | null; limit: number },
): Promise<MailboxPermissionSummary[]> {
  const conditions: SQL[] = [ofMailbox(q.organizationId, q.mailboxEntityId)!];
  if (q.after) conditions.push(gt(mailboxPermissions.granteeId, q.after));
  const rows = await db
    .select({
      granteeId: mailboxPermissions.granteeId,
      granteeType: sql<MemberType>`${mailboxPermissions.granteeType}`,
      granteeName: sql<string>`coalesce(${users.name}, ${groups.name})`,
      granteeEmail: sql<string | null>`coalesce(${users.primaryEmail}, ${groups.primaryEmail})`,
      granteeState: sql<EntityState>`coalesce(${users.state}, ${groups.state})`,
      permissions: mailboxPermissions.permissions,
      updatedAt: mailboxPermissions.updatedAt,
    })
    .from(mailboxPermissions)
    .leftJoin(
      users,
      and(eq(users.organizationId, mailboxPermissions.organizationId), eq(users.id, mailboxPermissions.granteeId), eq(mailboxPermissions.granteeType, 'USER')),
    )
    .leftJoin(
      groups,
      and(eq(groups.organizationId, mailboxPermissions.organizationId), eq(groups.id, mailboxPermissions.granteeId), eq(mailboxPermissions.granteeType, 'GROUP')),
    )
    .where(and(...conditions))
    .orderBy(mailboxPermissions.granteeId)
    .limit(q.limit);
  return rows.map((r) => ({ ...r, permissions: asPermissions(r.permissions) }));
}
