import { fail } from '@mailyard/core/errors';
import type { RemovePermissionsInput } from '@mailyard/core/permissions';
import { inTransaction } from '@mailyard/db';
import { findEntityById } from '@mailyard/db/queries/entities';
import { deletePermissions } from '@mailyard/db/queries/mailbox-permissions';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { auditRef } from '../entities/require.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { mailboxTarget, requireMailboxOwner } from '../mailboxes/owner.ts';

/** Removes every permission one grantee has on a mailbox (WorkMail's DeleteMailboxPermissions). */
export async function removeMailboxPermissions(deps: Deps, actor: OperatorActor, input: RemovePermissionsInput): Promise<void> {
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const owner = await requireMailboxOwner(tx, org.id, input.mailboxUserId, { field: 'mailboxUserId', live: true });
    const grantee = await findEntityById(tx, org.id, input.granteeId);
    const removed = grantee && (await deletePermissions(tx, { organizationId: org.id, mailboxEntityId: owner.id, granteeId: grantee.id }));
    if (!grantee || !removed) {
      fail('PERMISSION.NOT_FOUND', `${grantee ? `"${grantee.name}"` : input.granteeId} has no permissions on the mailbox of "${owner.name}".`, {
        field: 'granteeId',
      });
    }
    await recordAudit(
      tx,
      actor,
      {
        action: 'mailbox.permissions.remove',
        organizationId: org.id,
        target: mailboxTarget(owner),
        before: { grantee: auditRef(grantee), permissions: removed },
        after: { grantee: auditRef(grantee), permissions: [] },
      },
      now,
    );
  });
}
