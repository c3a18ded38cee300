import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { EntityState, MemberType } from '@mailyard/core/entities';
import type { GroupMemberSummary, GroupSummary } from '@mailyard/core/groups';
import type { ListTotal } from '@mailyard/core/pagination';
import type { Db } from '../client.ts';
import { listTotal } from '../list-total.ts';
import { groupMembers, groups, users } from '../schema/index.ts';
import { afterGroupKey, groupNamePrefix, groupSortKey, groupSummaryColumns, type GroupKey } from './groups.ts';

/** Adds a member; `false` when it already was one (adding is idempotent, as WorkMail's AssociateMemberToGroup). */
export async function insertGroupMember(
  db: Db,
  row: { organizationId: string; groupId: string; memberId: string; memberType: MemberType; createdAt: Date },
): Promise<boolean> {
  const rows = await db.insert(groupMembers).values(row).onConflictDoNothing().returning({ memberId: groupMembers.memberId });
  return rows.length > 0;
}

/** Removes a member; `false` when it was not one. */
export async function deleteGroupMember(db: Db, q: { organizationId: string; groupId: string; memberId: string }): Promise<boolean> {
  const rows = await db
    .delete(groupMembers)
    .where(and(eq(groupMembers.organizationId, q.organizationId), eq(groupMembers.groupId, q.groupId), eq(groupMembers.memberId, q.memberId)))
    .returning({ memberId: groupMembers.memberId });
  return rows.length > 0;
}

/** Empties a group (it is being deleted). Returns how many members it had. */
export async function deleteAllGroupMembers(db: Db, organizationId: string, groupId: string): Promise<number> {
  const rows = await db
    .delete(groupMembers)
    .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId)))
    .returning({ memberId: groupMembers.memberId });
  return rows.length;
}

/** Takes a user or group out of every group (it is being deleted). Returns in how many groups it was. */
export async function deleteMemberships(db: Db, organizationId: string, memberId: string): Promise<number> {
  const rows = await db
    .delete(groupMembers)
    .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.memberId, memberId)))
    .returning({ groupId: groupMembers.groupId });
  return rows.length;
}

const memberUsers = and(eq(users.organizationId, groupMembers.organizationId), eq(users.id, groupMembers.memberId), eq(groupMembers.memberType, 'USER'));
const memberGroups = and(eq(groups.organizationId, groupMembers.organizationId), eq(groups.id, groupMembers.memberId), eq(groupMembers.memberType, 'GROUP'));

/** How many direct members a group has: exact up to `EXACT_COUNT_LIMIT` (its primary key's range), else an estimate. */
export async function countGroupMembers(db: Db, organizationId: string, groupId: string): Promise<ListTotal> {
  const members = db
    .select({ id: groupMembers.memberId })
    .from(groupMembers)
    .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId)));
  return listTotal(db, members.getSQL());
}

/**
 * A page of a group's direct members in member-id order: the primary key serves it, however large the group
 * (a group of the whole organization pages as fast as a small one). Names come from the users or groups row.
 */
export async function listGroupMembersPage(
  db: Db,
  q: { organizationId: string; groupId: string; after: string | null; limit: number },
): Promise<GroupMemberSummary[]> {
  const conditions: SQL[] = [eq(groupMembers.organizationId, q.organizationId), eq(groupMembers.groupId, q.groupId)];
  if (q.after) conditions.push(gt(groupMembers.memberId, q.after));
  return db
    .select({
      id: groupMembers.memberId,
      type: sql<MemberType>`${groupMembers.memberType}`,
      name: sql<string>`coalesce(${users.name}, ${groups.name})`,
      email: sql<string | null>`coalesce(${users.primaryEmail}, ${groups.primaryEmail})`,
      state: sql<EntityState>`coalesce(${users.state}, ${groups.state})`,
      enabledAt: sql<Date | null>`coalesce(${users.enabledAt}, ${groups.enabledAt})`.mapWith(groups.enabledAt),
      disabledAt: sql<Date | null>`coalesce(${users.disabledAt}, ${groups.disabledAt})`.mapWith(groups.disabledAt),
    })
    .from(groupMembers)
    .leftJoin(users, memberUsers)
    .leftJoin(groups, memberGroups)
    .where(and(...conditions))
    .orderBy(groupMembers.memberId)
    .limit(q.limit);
}

/**
 * The groups an entity is a direct member of, by name: `group_members_member_idx` finds its memberships, so
 * the cost is the entity's groups, never the organization's.
 */
export async function listGroupsOfMemberPage(
  db: Db,
  q: { organizationId: string; memberId: string; after: GroupKey | null; limit: number; search?: string | undefined },
): Promise<(GroupSummary & { sortKey: string })[]> {
  const conditions: SQL[] = [eq(groupMembers.organizationId, q.organizationId), eq(groupMembers.memberId, q.memberId)];
  if (q.search) conditions.push(groupNamePrefix(q.search));
  if (q.after) conditions.push(afterGroupKey(q.after));
  return db
    .select({ ...groupSummaryColumns, sortKey: groupSortKey })
    .from(groupMembers)
    .innerJoin(groups, and(eq(groups.organizationId, groupMembers.organizationId), eq(groups.id, groupMembers.groupId)))
    .where(and(...conditions))
    .orderBy(groupSortKey, groups.id)
    .limit(q.limit);
}

/**
 * Serialises changes to the nesting of groups within one organization until the transaction ends, so two
 * requests nesting A in B and B in A cannot both pass the cycle check.
 */
export async function lockGroupNesting(db: Db, organizationId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`group-nesting:${organizationId}`}, 0))`);
}

/**
 * The group-in-group edges reachable downwards from `groupId` (its member groups, theirs, …), as a map from a
 * group to its direct member groups: what core's cycle check walks. Terminates on cycles (UNION, not UNION ALL).
 */
export async function groupNestingBelow(db: Db, organizationId: string, groupId: string): Promise<Map<string, string[]>> {
  const rows = await db.execute<{ group_id: string; member_id: string }>(sql`
    with recursive below(id) as (
      select ${groupId}::uuid
      union
      select m.member_id from group_members m join below b on m.group_id = b.id
      where m.organization_id = ${organizationId} and m.member_type = 'GROUP'
    )
    select m.group_id, m.member_id from group_members m join below b on m.group_id = b.id
    where m.organization_id = ${organizationId} and m.member_type = 'GROUP'`);
  const children = new Map<string, string[]>();
  for (const { group_id, member_id } of rows) {
    const list = children.get(group_id);
    if (list) list.push(member_id);
    else children.set(group_id, [member_id]);
  }
  return children;
}
