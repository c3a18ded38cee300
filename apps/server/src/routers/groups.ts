import {
  CountGroupsInput,
  CreateGroupInput,
  EnableGroupInput,
  GroupMemberInput,
  GroupRef,
  ListGroupMembersInput,
  ListGroupsInput,
  ListGroupsOfEntityInput,
  RenameGroupInput,
  UpdateGroupInput,
} from '@mailyard/core/groups';
import { listAddresses } from '../services/addresses/list.ts';
import { addGroupMember } from '../services/groups/add-member.ts';
import { createGroup } from '../services/groups/create.ts';
import { deleteGroup } from '../services/groups/delete.ts';
import { disableGroup } from '../services/groups/disable.ts';
import { enableGroup } from '../services/groups/enable.ts';
import { getGroup } from '../services/groups/get.ts';
import { listGroupsOf } from '../services/groups/list-groups-of.ts';
import { countGroupMembers, listGroupMembers } from '../services/groups/list-members.ts';
import { countGroups, listGroups } from '../services/groups/list.ts';
import { removeGroupMember } from '../services/groups/remove-member.ts';
import { renameGroup } from '../services/groups/rename.ts';
import { setGroupHidden } from '../services/groups/set-hidden.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';
import { addressChanges } from './addresses.ts';

/** The addresses procedures here reach groups only; a user's are under `users`. */
const GROUPS = ['GROUP'] as const;

export const groupsRouter = router({
  list: operatorProcedure.input(ListGroupsInput).query(({ ctx, input }) => listGroups(ctx.deps.db, ctx.operator, input)),
  count: operatorProcedure.input(CountGroupsInput).query(({ ctx, input }) => countGroups(ctx.deps.db, ctx.operator, input)),
  get: operatorProcedure.input(GroupRef).query(({ ctx, input }) => getGroup(ctx.deps.db, ctx.operator, input)),
  listMembers: operatorProcedure.input(ListGroupMembersInput).query(({ ctx, input }) => listGroupMembers(ctx.deps.db, ctx.operator, input)),
  countMembers: operatorProcedure.input(GroupRef).query(({ ctx, input }) => countGroupMembers(ctx.deps.db, ctx.operator, input)),
  listGroupsOf: operatorProcedure.input(ListGroupsOfEntityInput).query(({ ctx, input }) => listGroupsOf(ctx.deps.db, ctx.operator, input)),
  create: operatorMutation.input(CreateGroupInput).mutation(({ ctx, input }) => createGroup(ctx.deps, ctx.operator, input)),
  rename: operatorMutation.input(RenameGroupInput).mutation(({ ctx, input }) => renameGroup(ctx.deps, ctx.operator, input)),
  enable: operatorMutation.input(EnableGroupInput).mutation(({ ctx, input }) => enableGroup(ctx.deps, ctx.operator, input)),
  disable: operatorMutation.input(GroupRef).mutation(({ ctx, input }) => disableGroup(ctx.deps, ctx.operator, input)),
  delete: operatorMutation.input(GroupRef).mutation(({ ctx, input }) => deleteGroup(ctx.deps, ctx.operator, input)),
  setHidden: operatorMutation.input(UpdateGroupInput).mutation(({ ctx, input }) => setGroupHidden(ctx.deps, ctx.operator, input)),
  addMember: operatorMutation.input(GroupMemberInput).mutation(({ ctx, input }) => addGroupMember(ctx.deps, ctx.operator, input)),
  removeMember: operatorMutation.input(GroupMemberInput).mutation(({ ctx, input }) => removeGroupMember(ctx.deps, ctx.operator, input)),
  listAddresses: operatorProcedure
    .input(GroupRef)
    .query(({ ctx, input }) => listAddresses(ctx.deps.db, ctx.operator, { organizationId: input.organizationId, entityId: input.groupId }, GROUPS)),
  ...addressChanges(GROUPS),
});
