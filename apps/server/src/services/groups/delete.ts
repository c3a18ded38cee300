import { failIf } from '@mailyard/core/errors';
import { canDeleteGroup, type GroupDetail, type GroupRef } from '@mailyard/core/groups';
import { deleteAllGroupMembers } from '@mailyard/db/queries/group-members';
import { updateGroup } from '@mailyard/db/queries/groups';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { releaseEntity } from '../entities/release.ts';
import { changeGroup, groupTarget } from './require.ts';

/**
 * Deletes a disabled group: it ends in state DELETED (its name becomes free), its addresses are freed, it is
 * emptied and taken out of the groups it was in, and the permissions on its mailbox and given to it are removed.
 */
export async function deleteGroup(deps: Deps, actor: OperatorActor, input: GroupRef): Promise<GroupDetail> {
  return changeGroup(deps, actor, input, async (tx, group, now) => {
    failIf(canDeleteGroup(group));
    const { organizationId } = input;
    const released = await releaseEntity(tx, organizationId, group.id);
    const membersRemoved = await deleteAllGroupMembers(tx, organizationId, group.id);
    await updateGroup(tx, organizationId, group.id, { state: 'DELETED', primaryEmail: null, updatedAt: now });
    await recordAudit(
      tx,
      actor,
      {
        action: 'group.delete',
        organizationId,
        target: groupTarget(group),
        before: { state: group.state, email: group.email },
        after: { state: 'DELETED', ...released, membersRemoved },
      },
      now,
    );
    return { ...group, state: 'DELETED', email: null, updatedAt: now };
  });
}
