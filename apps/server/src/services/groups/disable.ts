import { failIf } from '@mailyard/core/errors';
import { canDisableGroup, type GroupDetail, type GroupRef } from '@mailyard/core/groups';
import { updateGroup } from '@mailyard/db/queries/groups';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { changeGroup, groupTarget } from './require.ts';

/**
 * Disables a group (WorkMail's DeregisterFromWorkMail). It keeps its address, its members and the permissions
 * given to it, so enabling it again restores it; only deleting frees the address.
 */
export async function disableGroup(deps: Deps, actor: OperatorActor, input: GroupRef): Promise<GroupDetail> {
  return changeGroup(deps, actor, input, async (tx, group, now) => {
    failIf(canDisableGroup(group));
    await updateGroup(tx, input.organizationId, group.id, { state: 'DISABLED', disabledAt: now, updatedAt: now });
    await recordAudit(
      tx,
      actor,
      { action: 'group.disable', organizationId: input.organizationId, target: groupTarget(group), before: { state: group.state }, after: { state: 'DISABLED' } },
      now,
    );
    return { ...group, state: 'DISABLED', disabledAt: now, updatedAt: now };
  });
}
