import { failIf } from '@mailyard/core/errors';
import { CreateGroupInput, ListGroupsInput, ListGroupsOfEntityInput, type GroupSummary } from '@mailyard/core/groups';
import { reservedNameRefusal } from '@mailyard/core/users';
import { addGroupMember } from '../../services/groups/add-member.ts';
import { createGroup } from '../../services/groups/create.ts';
import { deleteGroup } from '../../services/groups/delete.ts';
import { getGroup } from '../../services/groups/get.ts';
import { listGroupsOf } from '../../services/groups/list-groups-of.ts';
import { listGroupMembers } from '../../services/groups/list-members.ts';
import { listGroups } from '../../services/groups/list.ts';
import { removeGroupMember } from '../../services/groups/remove-member.ts';
import { setGroupHidden } from '../../services/groups/set-hidden.ts';
import { anyEntityNamed, entityNamed, lifecycle } from '../entities.ts';
import { entityListPage, entityListShape } from '../filtered-list.ts';
import { boolean, EntityIdentifier, GroupName, OrganizationId, page, Prefix, structure } from '../model.ts';
import { operation } from '../operation.ts';
import { TokenScope } from '../pagination.ts';
import { compact } from '../protocol.ts';
import { coreFields, parseCore } from '../validation.ts';

const group = (ctx: Parameters<typeof entityNamed>[0], organizationId: string, identifier: string, member = 'GroupId') =>
  entityNamed(ctx, organizationId, identifier, member, ['GROUP']);

/** A new group is DISABLED without an address; RegisterToWorkMail gives it one. */
export const CreateGroup = operation(
  structure({ OrganizationId: OrganizationId(), Name: GroupName(), HiddenFromGlobalAddressList: boolean().optional() }),
  async ({ deps, actor }, input) => {
    // Checked before the schema (which has the rule too), so a reserved name is a ReservedNameException.
    failIf(reservedNameRefusal(input.Name, 'group'));
    const core = parseCore(CreateGroupInput, coreFields(input));
    const created = await createGroup(deps, actor, core);
    return { GroupId: created.id };
  },
);

export const DescribeGroup = operation(structure({ OrganizationId: OrganizationId(), GroupId: EntityIdentifier() }), async (ctx, input) => {
  const entity = await group(ctx, input.OrganizationId, input.GroupId);
  const g = await getGroup(ctx.deps.db, ctx.actor, { organizationId: input.OrganizationId, groupId: entity.id });
  return compact({
    GroupId: g.id,
    Name: g.name,
    Email: g.email,
    ...lifecycle(g),
    HiddenFromGlobalAddressList: g.hiddenFromGlobalAddressList,
  });
});

const groupSummary = (g: GroupSummary) => compact({ Id: g.id, Email: g.email, Name: g.name, ...lifecycle(g) });

export const ListGroups = operation(entityListShape(), async (ctx, input) => {
  const { items, NextToken } = await entityListPage(ctx, 'ListGroups', input, ListGroupsInput, listGroups);
  return compact({ Groups: items.map(groupSummary), NextToken });
});

/** Only HiddenFromGlobalAddressList can change; leaving it out changes nothing. */
export const UpdateGroup = operation(
  structure({ OrganizationId: OrganizationId(), GroupId: EntityIdentifier(), HiddenFromGlobalAddressList: boolean().optional() }),
  async (ctx, input) => {
    const entity = await group(ctx, input.OrganizationId, input.GroupId);
    if (input.HiddenFromGlobalAddressList !== undefined) {
      await setGroupHidden(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, groupId: entity.id, hiddenFromGlobalAddressList: input.HiddenFromGlobalAddressList });
    }
    return {};
  },
);

/** Only a DISABLED group can be deleted. */
export const DeleteGroup = operation(structure({ OrganizationId: OrganizationId(), GroupId: EntityIdentifier() }), async (ctx, input) => {
  const entity = await group(ctx, input.OrganizationId, input.GroupId);
  await deleteGroup(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, groupId: entity.id });
  return {};
});

const membership = structure({ OrganizationId: OrganizationId(), GroupId: EntityIdentifier(), MemberId: EntityIdentifier() });

export const AssociateMemberToGroup = operation(membership, async (ctx, input) => {
  const g = await group(ctx, input.OrganizationId, input.GroupId);
  const member = await entityNamed(ctx, input.OrganizationId, input.MemberId, 'MemberId');
  await addGroupMember(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, groupId: g.id, memberId: member.id, memberType: member.type });
  return {};
});

export const DisassociateMemberFromGroup = operation(membership, async (ctx, input) => {
  const g = await group(ctx, input.OrganizationId, input.GroupId);
  const member = await entityNamed(ctx, input.OrganizationId, input.MemberId, 'MemberId');
  await removeGroupMember(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, groupId: g.id, memberId: member.id, memberType: member.type });
  return {};
});

export const ListGroupMembers = operation(structure({ OrganizationId: OrganizationId(), GroupId: EntityIdentifier(), ...page }), async (ctx, input) => {
  const g = await group(ctx, input.OrganizationId, input.GroupId);
  const tokens = new TokenScope('ListGroupMembers', { o: input.OrganizationId, g: g.id });
  const result = await listGroupMembers(ctx.deps.db, ctx.actor, { organizationId: input.OrganizationId, groupId: g.id, ...tokens.page(input) });
  return compact({
    Members: result.items.map((m) => compact({ Id: m.id, Name: m.name, Type: m.type, ...lifecycle(m) })),
    NextToken: tokens.token(result.nextCursor),
  });
});

/** A resource is in no group (group members are users and groups): its list is empty. */
export const ListGroupsForEntity = operation(
  structure({ OrganizationId: OrganizationId(), EntityId: EntityIdentifier(), Filters: structure({ GroupNamePrefix: Prefix().optional() }).optional(), ...page }),
  async (ctx, input) => {
    const named = await anyEntityNamed(ctx, input.OrganizationId, input.EntityId, 'EntityId');
    if (named.kind === 'resource') return { Groups: [] };
    const { entity } = named;
    const tokens = new TokenScope('ListGroupsForEntity', { o: input.OrganizationId, e: entity.id, f: input.Filters ?? {} });
    const query = parseCore(
      ListGroupsOfEntityInput,
      { organizationId: input.OrganizationId, entityId: entity.id, ...tokens.page(input), search: input.Filters?.GroupNamePrefix },
      { search: 'Filters.GroupNamePrefix' },
    );
    const result = await listGroupsOf(ctx.deps.db, ctx.actor, query);
    return compact({ Groups: result.items.map((g) => ({ GroupId: g.id, GroupName: g.name })), NextToken: tokens.token(result.nextCursor) });
  },
);
