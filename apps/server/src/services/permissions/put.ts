import { failIf } from '@mailyard/core/errors';
import { granteeProblem, type PermissionType, type PutPermissionsInput } from '@mailyard/core/permissions';
import { inTransaction } from '@mailyard/db';
import { lockEntity } from '@mailyard/db/queries/entities';
import { findPermissionsForUpdate, putPermissions } from '@mailyard/db/queries/mailbox-permissions';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { auditRef } from '../entities/require.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { mailboxTarget, requireMailboxOwner } from '../mailboxes/owner.ts';

/**
 * Gives a user or group exactly `permissions` on a mailbox, replacing what it had (WorkMail's PutMailboxPermissions;
 * the console's Add and Edit). The grantee must be an enabled user or group of the organization, not the owner.
 */
export async function putMailboxPermissions(deps: Deps, actor: OperatorActor, input: PutPermissionsInput): Promise<{ permissions: PermissionType[] }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const owner = await requireMailboxOwner(tx, org.id, input.mailboxUserId, { field: 'mailboxUserId', live: true, lock: true });
    const found = input.granteeId === owner.id ? owner : await lockEntity(tx, org.id, input.granteeId);
    failIf(granteeProblem({ ownerId: owner.id, grantee: found }));
    const grantee = found!;
    const key = { organizationId: org.id, mailboxEntityId: owner.id, granteeId: grantee.id };
    const before = await findPermissionsForUpdate(tx, key);
    if (before?.join() === input.permissions.join()) return { permissions: before };
    await putPermissions(tx, { ...key, granteeType: grantee.type, permissions: input.permissions, updatedAt: now });
    await recordAudit(
      tx,
      actor,
      {
        action: 'mailbox.permissions.put',
        organizationId: org.id,
        target: mailboxTarget(owner),
        before: { grantee: auditRef(grantee), permissions: before ?? [] },
        after: { grantee: auditRef(grantee), permissions: input.permissions },
      },
      now,
    );
    return { permissions: input.permissions };
  });
}
