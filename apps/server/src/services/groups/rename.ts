import { failIf } from '@mailyard/core/errors';
import { canEditGroup, type GroupDetail, type RenameGroupInput } from '@mailyard/core/groups';
import { violatedUniqueConstraint } from '@mailyard/db';
import { updateGroup } from '@mailyard/db/queries/groups';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { changeGroup, groupNameTaken, groupTarget } from './require.ts';

/** Renames a group; the new name must be free in the organization, without case (another case of its own is fine). */
export async function renameGroup(deps: Deps, actor: OperatorActor, input: RenameGroupInput): Promise<GroupDetail> {
  try {
    return await changeGroup(deps, actor, input, async (tx, group, now) => {
      failIf(canEditGroup(group));
      if (group.name === input.name) return group;
      await updateGroup(tx, input.organizationId, group.id, { name: input.name, updatedAt: now });
      await recordAudit(
        tx,
        actor,
        { action: 'group.rename', organizationId: input.organizationId, target: groupTarget(group), before: { name: group.name }, after: { name: input.name } },
        now,
      );
      return { ...group, name: input.name, updatedAt: now };
    });
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'groups_name_key') groupNameTaken(input.name);
    throw error;
  }
}
