import { z } from 'zod';
import type { GroupMemberSummary, GroupRef, ListGroupMembersInput } from '@mailyard/core/groups';
import type { ListTotal, Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { countGroupMembers as countGroupMembersQuery, listGroupMembersPage } from '@mailyard/db/queries/group-members';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { cursorKey, pageOf } from '../page.ts';
import { requireGroup } from './require.ts';

const MemberKey = z.tuple([z.guid()]);

/** A page of a group's direct members (users and groups), in a stable order that holds for any group size. */
export async function listGroupMembers(db: Db, actor: OperatorActor, input: ListGroupMembersInput): Promise<Page<GroupMemberSummary>> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const group = await requireGroup(db, org.id, input.groupId);
  const scope = JSON.stringify(['group-members', org.id, group.id]);
  const after = cursorKey(scope, input.cursor, MemberKey);
  const rows = await listGroupMembersPage(db, { organizationId: org.id, groupId: group.id, after: after?.[0] ?? null, limit: input.limit + 1 });
  return pageOf(rows, input.limit, scope, (row) => [row.id]);
}

/** How many direct members the group has (the Members tab's total). */
export async function countGroupMembers(db: Db, actor: OperatorActor, input: GroupRef): Promise<ListTotal> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const group = await requireGroup(db, org.id, input.groupId);
  return countGroupMembersQuery(db, org.id, group.id);
}
