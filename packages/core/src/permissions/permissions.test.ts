import { describe, expect, it } from 'vitest';
import { granteeProblem, permissionLabels, permissionTypes, PutPermissionsInput, type GranteeFacts } from './index.ts';

const organizationId = 'm-d281d0a2fd824be5b6cd3d3ce909fd27';
const owner = '0b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c';
const other = '1b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c';

describe('permission types', () => {
  it('has the three WorkMail permissions with console labels', () => {
    expect(permissionTypes).toEqual(['FULL_ACCESS', 'SEND_AS', 'SEND_ON_BEHALF']);
    expect(permissionTypes.map((p) => permissionLabels[p])).toEqual(['Full access', 'Send as', 'Send on behalf']);
  });
});

describe('PutPermissionsInput', () => {
  const base = { organizationId, mailboxUserId: owner, granteeId: other };
  it('accepts a non-empty unique list, in the console order', () => {
    expect(PutPermissionsInput.parse({ ...base, permissions: ['SEND_AS', 'FULL_ACCESS'] }).permissions).toEqual(['FULL_ACCESS', 'SEND_AS']);
  });
  it.each([
    ['empty', [], 'Choose at least one permission.'],
    ['duplicated', ['SEND_AS', 'SEND_AS'], 'Each permission may be listed only once.'],
    ['unknown', ['READ'], /./],
  ])('refuses an %s list', (_, permissions, message) => {
    expect(PutPermissionsInput.safeParse({ ...base, permissions }).error!.issues[0]!.message).toMatch(message);
  });
});

describe('granteeProblem', () => {
  const grantee = (over: Partial<GranteeFacts> = {}): GranteeFacts => ({ id: other, type: 'USER', name: 'bob', state: 'ENABLED', ...over });

  it('accepts an enabled user or group other than the owner', () => {
    expect(granteeProblem({ ownerId: owner, grantee: grantee() })).toBeNull();
    expect(granteeProblem({ ownerId: owner, grantee: grantee({ type: 'GROUP', name: 'Sales' }) })).toBeNull();
  });

  it('refuses a missing grantee as not found', () => {
    expect(granteeProblem({ ownerId: owner, grantee: null })).toMatchObject({ code: 'ENTITY.NOT_FOUND', details: { field: 'granteeId' } });
  });

  it('refuses the owner', () => {
    expect(granteeProblem({ ownerId: owner, grantee: grantee({ id: owner.toUpperCase() }) })).toMatchObject({
      code: 'PERMISSION.GRANTEE_INVALID',
    });
  });

  it.each(['DISABLED', 'DELETED'] as const)('refuses a %s grantee', (state) => {
    const r = granteeProblem({ ownerId: owner, grantee: grantee({ state, type: 'GROUP', name: 'Sales' }) });
    expect(r).toMatchObject({ code: 'PERMISSION.GRANTEE_INVALID', details: { state } });
    expect(r!.message).toBe('Group "Sales" is not enabled and cannot be given permissions.');
  });
});
