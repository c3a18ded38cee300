import { fail } from '@mailyard/core/errors';
import type { GroupMemberInput } from '@mailyard/core/groups';
import { inTransaction } from '@mailyard/db';
import { deleteGroupMember } from '@mailyard/db/queries/group-members';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { auditRef, findEntity } from '../entities/require.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { groupTarget, requireGroup } from './require.ts';

/** Takes a user or group out of a group (WorkMail's DisassociateMemberFromGroup). */
export async function removeGroupMember(deps: Deps, actor: OperatorActor, input: GroupMemberInput): Promise<void> {
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const group = await requireGroup(tx, org.id, input.groupId);
    const member = await findEntity(tx, org.id, input.memberId, input.memberType);
    const removed = member !== null && (await deleteGroupMember(tx, { organizationId: org.id, groupId: group.id, memberId: member.id }));
    if (!removed) {
      const who = member ? `${member.type === 'GROUP' ? 'Group' : 'User'} "${member.name}"` : input.memberId;
      fail('GROUP.MEMBER_NOT_FOUND', `${who} is not a member of group "${group.name}".`, { field: 'memberId' });
    }
    await recordAudit(
      tx,
      actor,
      { action: 'group.member.remove', organizationId: org.id, target: groupTarget(group), before: { member: auditRef(member!) } },
      now,
    );
  });
}
