import { z } from 'zod';
import { emailAddressSchema } from '../addresses/address.ts';
import { entityId } from '../entities/ids.ts';
import { EntityStateSchema, MemberTypeSchema } from '../entities/state.ts';
import { organizationId } from '../organizations/ids.ts';
import { pageInput, prefixFilter } from '../pagination/cursor.ts';
import { sortInput } from '../pagination/sorting.ts';
import { newGroupNameSchema } from './names.ts';

export const groupId = entityId;

export const GroupRef = z.object({ organizationId, groupId });
export type GroupRef = z.infer<typeof GroupRef>;

/** `email` given = the group is created enabled with that address; omitted = created disabled (WorkMail's default). */
export const CreateGroupInput = z.object({
  organizationId,
  name: newGroupNameSchema,
  email: emailAddressSchema.optional(),
  hiddenFromGlobalAddressList: z.boolean().default(false),
});
export type CreateGroupInput = z.infer<typeof CreateGroupInput>;

export const RenameGroupInput = z.object({ organizationId, groupId, name: newGroupNameSchema });
export type RenameGroupInput = z.infer<typeof RenameGroupInput>;

export const UpdateGroupInput = z.object({ organizationId, groupId, hiddenFromGlobalAddressList: z.boolean() });
export type UpdateGroupInput = z.infer<typeof UpdateGroupInput>;

/** Enabling gives the group its (primary) address. */
export const EnableGroupInput = z.object({ organizationId, groupId, email: emailAddressSchema });
export type EnableGroupInput = z.infer<typeof EnableGroupInput>;

/** Add or remove a member. `memberType` may be omitted (the WorkMail API passes only an id); the server resolves it. */
export const GroupMemberInput = z
  .object({ organizationId, groupId, memberId: entityId, memberType: MemberTypeSchema.optional() })
  .refine((v) => v.memberId.toLowerCase() !== v.groupId.toLowerCase(), {
    message: 'A group cannot be a member of itself.',
    path: ['memberId'],
  });
export type GroupMemberInput = z.infer<typeof GroupMemberInput>;

/** The columns the groups list sorts on (each with its page index). */
export const groupSortColumns = ['name', 'email', 'state', 'createdAt'] as const;
export type GroupSort = (typeof groupSortColumns)[number];

/** Which groups a list or its total covers: the console's search and state filter, and WorkMail's prefix filters. */
const groupFilters = {
  organizationId,
  /** The console's search box: a fragment anywhere in the group name, primary address or an alias. */
  search: prefixFilter('Search'),
  state: EntityStateSchema.optional(),
  /** WorkMail ListGroups filters: each given prefix must match (with `search` too, when both are given). */
  namePrefix: prefixFilter('Name prefix'),
  primaryEmailPrefix: prefixFilter('Email prefix'),
};

/** Without `sort`: by name, or by address when only an address prefix is given (WorkMail's order). */
export const ListGroupsInput = z.object({ ...groupFilters, ...pageInput, ...sortInput(groupSortColumns) });
export type ListGroupsInput = z.infer<typeof ListGroupsInput>;

export const CountGroupsInput = z.object(groupFilters);
export type CountGroupsInput = z.infer<typeof CountGroupsInput>;

export const ListGroupMembersInput = z.object({ organizationId, groupId, ...pageInput });
export type ListGroupMembersInput = z.infer<typeof ListGroupMembersInput>;

/** The groups an entity (user or group) is a direct member of (WorkMail's ListGroupsForEntity). */
export const ListGroupsOfEntityInput = z.object({
  organizationId,
  entityId,
  ...pageInput,
  /** A prefix of the group name (WorkMail's GroupNamePrefix). */
  search: prefixFilter('Group name prefix'),
});
export type ListGroupsOfEntityInput = z.infer<typeof ListGroupsOfEntityInput>;
