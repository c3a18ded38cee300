import type { MailboxPermissionSummary } from '@mailyard/core/permissions';
import type { Db } from '@mailyard/db';
import { listMailboxPermissionsPage } from '@mailyard/db/queries/mailbox-permissions';
import type { UserActor } from '../actor.ts';

/** Enough for any real mailbox; the page says when there are more (then the console has the whole list). */
const SHOWN = 100;

/** Who may open the user's mailbox or send as them, and how: the user's own mailbox only. */
export async function listMyMailboxPermissions(db: Db, actor: UserActor): Promise<{ items: MailboxPermissionSummary[]; more: boolean }> {
  const rows = await listMailboxPermissionsPage(db, { organizationId: actor.organizationId, mailboxEntityId: actor.userId, after: null, limit: SHOWN + 1 });
  return { items: rows.slice(0, SHOWN), more: rows.length > SHOWN };
}
