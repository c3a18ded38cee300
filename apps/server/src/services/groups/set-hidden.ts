import { failIf } from '@mailyard/core/errors';
import { canEditGroup, type GroupDetail, type UpdateGroupInput } from '@mailyard/core/groups';
import { updateGroup } from '@mailyard/db/queries/groups';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { changeGroup, groupTarget } from './require.ts';

/** Hides the group from the global address list, or shows it again (WorkMail's UpdateGroup). */
export async function setGroupHidden(deps: Deps, actor: OperatorActor, input: UpdateGroupInput): Promise<GroupDetail> {
  return changeGroup(deps, actor, input, async (tx, group, now) => {
    failIf(canEditGroup(group));
    const hidden = input.hiddenFromGlobalAddressList;
    if (group.hiddenFromGlobalAddressList === hidden) return group;
    await updateGroup(tx, input.organizationId, group.id, { hiddenFromGlobalAddressList: hidden, updatedAt: now });
    await recordAudit(
      tx,
      actor,
      {
        action: 'group.update',
        organizationId: input.organizationId,
        target: groupTarget(group),
        before: { hiddenFromGlobalAddressList: group.hiddenFromGlobalAddressList },
        after: { hiddenFromGlobalAddressList: hidden },
      },
      now,
    );
    return { ...group, hiddenFromGlobalAddressList: hidden, updatedAt: now };
  });
}
