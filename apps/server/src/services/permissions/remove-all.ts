import type { MailboxPermissionsRef } from '@mailyard/core/permissions';
import { inTransaction } from '@mailyard/db';
import { deleteMailboxPermissions } from '@mailyard/db/queries/mailbox-permissions';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { mailboxTarget, requireMailboxOwner } from '../mailboxes/owner.ts';

/** The console's "Remove" on the Permissions tab: no one keeps any permission on the mailbox. */
export async function removeAllMailboxPermissions(deps: Deps, actor: OperatorActor, input: MailboxPermissionsRef): Promise<{ removed: number }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const owner = await requireMailboxOwner(tx, org.id, input.mailboxUserId, { field: 'mailboxUserId', live: true });
    const removed = await deleteMailboxPermissions(tx, org.id, owner.id);
    if (removed.length > 0) {
      await recordAudit(
        tx,
        actor,
        { action: 'mailbox.permissions.remove_all', organizationId: org.id, target: mailboxTarget(owner), before: { grants: removed }, after: { grants: [] } },
        now,
      );
    }
    return { removed: removed.length };
  });
}
