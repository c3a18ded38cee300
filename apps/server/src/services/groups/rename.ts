import { failIf } from '@mailyard/core/errors';
import { canEditGroup, type GroupDetail, type RenameGroupInput } from '@mailyard/core/groups';
import { updateGroup } from '@mailyard/db/queries/groups';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { claimEntityName, failOnNameIndex } from '../entities/claim-name.ts';
import { changeGroup, groupTarget } from './require.ts';

/** Renames a group; the new name must be free among the organization's users, groups and resources, without case (another case of its own is fine). */
export async function renameGroup(deps: Deps, actor: OperatorActor, input: RenameGroupInput): Promise<GroupDetail> {
  try {
    return await changeGroup(deps, actor, input, async (tx, group, now) => {
      failIf(canEditGroup(group));
      if (group.name === input.name) return group;
      await claimEntityName(tx, input.organizationId, { type: 'GROUP', name: input.name, id: group.id });
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
    failOnNameIndex(error, 'groups_name_key', { type: 'GROUP', name: input.name });
    throw error;
  }
}
