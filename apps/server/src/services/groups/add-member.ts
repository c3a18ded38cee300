import { failIf } from '@mailyard/core/errors';
import { canEditGroup, canNestGroups, groupCycleRefusal, type GroupMemberInput } from '@mailyard/core/groups';
import { inTransaction } from '@mailyard/db';
import { lockEntity } from '@mailyard/db/queries/entities';
import { groupNestingBelow, insertGroupMember, lockGroupNesting } from '@mailyard/db/queries/group-members';
import { findDirectory } from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { auditRef, findEntity, requireLive } from '../entities/require.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { groupTarget, requireGroup } from './require.ts';

/**
 * Adds a user or group to a group (WorkMail's AssociateMemberToGroup); adding a member again changes nothing.
 * A group may join a group only where the directory allows nesting (the built-in one does not), and never so that
 * a group ends up inside itself.
 */
export async function addGroupMember(deps: Deps, actor: OperatorActor, input: GroupMemberInput): Promise<{ added: boolean }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    await requireGroup(tx, org.id, input.groupId);
    const found = requireLive(await findEntity(tx, org.id, input.memberId, input.memberType), 'memberId');
    if (found.type === 'GROUP') {
      failIf(canNestGroups({ nestedGroups: (await findDirectory(tx, org.id))?.nestedGroups ?? false }));
      // Taken before any row lock, so requests nesting groups in opposite directions queue rather than deadlock.
      await lockGroupNesting(tx, org.id);
    }
    // Shared locks: a concurrent delete of either waits, so no membership is left behind on a deleted entity.
    const group = await requireGroup(tx, org.id, input.groupId, 'share');
    failIf(canEditGroup(group));
    const member = requireLive(await lockEntity(tx, org.id, found.id, found.type), 'memberId');
    if (member.type === 'GROUP') {
      const below = await groupNestingBelow(tx, org.id, member.id);
      failIf(groupCycleRefusal(group.id, member.id, (id) => below.get(id) ?? []));
    }
    const added = await insertGroupMember(tx, { organizationId: org.id, groupId: group.id, memberId: member.id, memberType: member.type, createdAt: now });
    if (added) {
      await recordAudit(
        tx,
        actor,
        { action: 'group.member.add', organizationId: org.id, target: groupTarget(group), after: { member: auditRef(member) } },
        now,
      );
    }
    return { added };
  });
}
