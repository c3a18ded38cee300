import { z } from 'zod';
import type { ListTotal, Page } from '@mailyard/core/pagination';
import type { ListPermissionsInput, MailboxPermissionsRef, MailboxPermissionSummary } from '@mailyard/core/permissions';
import type { Db } from '@mailyard/db';
import { countMailboxPermissions as countMailboxPermissionsQuery, listMailboxPermissionsPage } from '@mailyard/db/queries/mailbox-permissions';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { requireMailboxOwner } from '../mailboxes/owner.ts';
import { cursorKey, pageOf } from '../page.ts';

const GranteeKey = z.tuple([z.guid()]);

/** A page of who holds which permissions on a mailbox (WorkMail's ListMailboxPermissions). */
export async function listMailboxPermissions(db: Db, actor: OperatorActor, input: ListPermissionsInput): Promise<Page<MailboxPermissionSummary>> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const owner = await requireMailboxOwner(db, org.id, input.mailboxUserId, { field: 'mailboxUserId' });
  const scope = JSON.stringify(['mailbox-permissions', org.id, owner.id]);
  const after = cursorKey(scope, input.cursor, GranteeKey);
  const rows = await listMailboxPermissionsPage(db, { organizationId: org.id, mailboxEntityId: owner.id, after: after?.[0] ?? null, limit: input.limit + 1 });
  return pageOf(rows, input.limit, scope, (row) => [row.granteeId]);
}

/** How many users and groups hold permissions on the mailbox: the Permissions tab's total. */
export async function countMailboxPermissions(db: Db, actor: OperatorActor, input: MailboxPermissionsRef): Promise<ListTotal> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const owner = await requireMailboxOwner(db, org.id, input.mailboxUserId, { field: 'mailboxUserId' });
  return countMailboxPermissionsQuery(db, org.id, owner.id);
}
