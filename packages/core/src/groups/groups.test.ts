import { describe, expect, it } from 'vitest';
import {
  canChangeGroupAddresses,
  canDeleteGroup,
  canDisableGroup,
  canEditGroup,
  canEnableGroup,
  canNestGroups,
  CreateGroupInput,
  groupActionTargets,
  groupCycleRefusal,
  groupLocalPartFor,
  GroupMemberInput,
  groupNameSchema,
  ListGroupsInput,
  ListGroupsOfEntityInput,
  RenameGroupInput,
} from './index.ts';

const organizationId = 'm-d281d0a2fd824be5b6cd3d3ce909fd27';
const groupId = '0b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c';
const memberId = '1b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c';

describe('groupNameSchema', () => {
  it.each(['Sales', 'Sales Team', 'Équipe ventes', 'R&D (EU)', 'x'.repeat(256)])('accepts %s', (name) => {
    expect(groupNameSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    ['empty', '  ', 'Group name is required.'],
    ['257 characters', 'x'.repeat(257), 'Group name must be at most 256 characters.'],
    ['a character above U+00FF', 'Ventes €', /only Basic Latin/],
    ['a control character', 'Sales\tTeam', /only Basic Latin/],
  ])('refuses %s', (_, name, message) => {
    expect(groupNameSchema.safeParse(name).error!.issues[0]!.message).toMatch(message);
  });
});

describe('group inputs', () => {
  it('CreateGroupInput: optional address, reserved names refused', () => {
    expect(CreateGroupInput.parse({ organizationId, name: 'Sales' })).toEqual({ organizationId, name: 'Sales', hiddenFromGlobalAddressList: false });
    expect(CreateGroupInput.parse({ organizationId, name: 'Sales', email: 'Sales@Example.com' }).email).toBe('sales@example.com');
    expect(CreateGroupInput.safeParse({ organizationId, name: 'Abuse' }).error!.issues[0]!.message).toMatch(/reserved/);
  });

  it('RenameGroupInput', () => {
    expect(RenameGroupInput.parse({ organizationId, groupId, name: ' Support ' }).name).toBe('Support');
    expect(RenameGroupInput.safeParse({ organizationId, groupId, name: '' }).success).toBe(false);
  });

  it('GroupMemberInput refuses the group itself as member', () => {
    expect(GroupMemberInput.safeParse({ organizationId, groupId, memberId, memberType: 'USER' }).success).toBe(true);
    expect(GroupMemberInput.safeParse({ organizationId, groupId, memberId }).success).toBe(true);
    expect(GroupMemberInput.safeParse({ organizationId, groupId, memberId: groupId }).error!.issues[0]).toMatchObject({
      path: ['memberId'],
    });
    expect(GroupMemberInput.safeParse({ organizationId, groupId, memberId, memberType: 'RESOURCE' }).success).toBe(false);
  });

  it('ListGroupsInput', () => {
    expect(ListGroupsInput.parse({ organizationId, search: 'Sa', state: 'ENABLED' })).toMatchObject({ limit: 50, search: 'Sa', state: 'ENABLED' });
    expect(ListGroupsInput.parse({ organizationId, search: '  ' }).search).toBeUndefined();
  });

  it('ListGroupsOfEntityInput', () => {
    expect(ListGroupsOfEntityInput.parse({ organizationId, entityId: memberId.toUpperCase(), search: 'Sa' })).toEqual({
      organizationId,
      entityId: memberId,
      search: 'Sa',
      limit: 50,
    });
  });
});

describe('nesting', () => {
  it('the built-in directory refuses nested groups with a clear message', () => {
    expect(canNestGroups({ nestedGroups: false })).toMatchObject({
      code: 'GROUP.NESTING_NOT_SUPPORTED',
      message: 'The built-in directory does not support nested groups',
    });
    expect(canNestGroups({ nestedGroups: true })).toBeNull();
  });

  it('refuses a cycle, directly or through other groups', () => {
    const children: Record<string, string[]> = { b: ['c'], c: ['a'], d: [] };
    const childGroupsOf = (id: string) => children[id] ?? [];
    expect(groupCycleRefusal('a', 'a', childGroupsOf)).toMatchObject({ code: 'GROUP.CYCLE' });
    expect(groupCycleRefusal('a', 'b', childGroupsOf)).toMatchObject({ code: 'GROUP.CYCLE' });
    expect(groupCycleRefusal('a', 'd', childGroupsOf)).toBeNull();
  });

  it('terminates on an existing cycle that does not involve the group', () => {
    const children: Record<string, string[]> = { x: ['y'], y: ['x'] };
    expect(groupCycleRefusal('a', 'x', (id) => children[id] ?? [])).toBeNull();
  });
});

describe('enabling with an address', () => {
  it('an enabled group with its own address changes nothing; with another one it is refused', () => {
    const g = { name: 'Sales', state: 'ENABLED' as const, email: 'sales@example.com' };
    expect(canEnableGroup(g, 'SALES@example.com')).toBeNull();
    expect(canEnableGroup(g, 'team@example.com')).toMatchObject({
      code: 'GROUP.ALREADY_REGISTERED',
      message: 'Group "Sales" is already enabled with the address sales@example.com.',
      details: { field: 'email' },
    });
  });

  it('a disabled group may take any address', () => {
    expect(canEnableGroup({ name: 'Sales', state: 'DISABLED', email: 'sales@example.com' }, 'team@example.com')).toBeNull();
  });
});

describe('address changes', () => {
  it('need a primary address and a live group', () => {
    expect(canChangeGroupAddresses({ name: 'Sales', state: 'DISABLED', email: 'sales@example.com' })).toBeNull();
    expect(canChangeGroupAddresses({ name: 'Sales', state: 'DISABLED', email: null })).toMatchObject({
      code: 'GROUP.INVALID_STATE',
      message: 'Group "Sales" has no email address yet: enable it with one first.',
    });
    expect(canChangeGroupAddresses({ name: 'Sales', state: 'DELETED', email: null })?.code).toBe('GROUP.INVALID_STATE');
  });
});

describe('group state rules', () => {
  it.each([
    // [state, enable, disable, delete, edit]
    ['ENABLED', null, null, 'GROUP.INVALID_STATE', null],
    ['DISABLED', null, 'GROUP.INVALID_STATE', null, null],
    ['DELETED', 'GROUP.INVALID_STATE', 'GROUP.INVALID_STATE', 'GROUP.INVALID_STATE', 'GROUP.INVALID_STATE'],
  ] as const)('%s', (state, enable, disable, del, edit) => {
    const g = { name: 'Sales', state };
    expect(canEnableGroup(g)?.code ?? null).toBe(enable);
    expect(canDisableGroup(g)?.code ?? null).toBe(disable);
    expect(canDeleteGroup(g)?.code ?? null).toBe(del);
    expect(canEditGroup(g)?.code ?? null).toBe(edit);
  });
});

describe('the groups a bulk action acts on', () => {
  it('takes the selected groups it fits and leaves the others', () => {
    const enabled = { name: 'Sales', state: 'ENABLED' as const };
    const disabled = { name: 'Support', state: 'DISABLED' as const };
    const deleted = { name: 'Old', state: 'DELETED' as const };
    expect(groupActionTargets([enabled, disabled, deleted])).toEqual({ enable: [disabled], disable: [enabled], delete: [disabled] });
    expect(groupActionTargets([])).toEqual({ enable: [], disable: [], delete: [] });
  });
});

describe('the address proposed for a group', () => {
  it('is its name in lower case, accents dropped, other characters as hyphens, trimmed to 64', () => {
    expect(groupLocalPartFor('Sales team')).toBe('sales-team');
    expect(groupLocalPartFor('Équipe Café')).toBe('equipe-cafe');
    expect(groupLocalPartFor(' -Support- ')).toBe('support');
    expect(groupLocalPartFor('a'.repeat(80))).toHaveLength(64);
  });
});
