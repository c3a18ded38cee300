import { describe, expect, it } from 'vitest';
import { entityId, entityIdentifier, liveEntityProblem } from './index.ts';

describe('entity ids', () => {
  it('lower-cases a UUID so ids compare equal in code', () => {
    expect(entityId.parse('0B5C8F2E-3C1A-4F7E-9A52-1D2E3F4A5B6C')).toBe('0b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c');
    expect(entityId.safeParse('alice').error!.issues[0]!.message).toBe('Id must be a UUID.');
  });

  it('an identifier is an id, a name or an address of 1–256 characters', () => {
    expect(entityIdentifier.parse(' Sales Team ')).toBe('Sales Team');
    expect(entityIdentifier.safeParse(' ').error!.issues[0]!.message).toBe('Identifier is required.');
    expect(entityIdentifier.safeParse('x'.repeat(257)).success).toBe(false);
  });
});

describe('liveEntityProblem', () => {
  it('accepts an enabled or disabled entity', () => {
    expect(liveEntityProblem({ type: 'USER', name: 'alice', state: 'ENABLED' }, 'memberId')).toBeNull();
    expect(liveEntityProblem({ type: 'GROUP', name: 'Sales', state: 'DISABLED' }, 'memberId')).toBeNull();
  });

  it('refuses a missing entity as not found, naming the field', () => {
    expect(liveEntityProblem(null, 'memberId')).toEqual({
      code: 'ENTITY.NOT_FOUND',
      message: 'No user or group with that id exists in this organization.',
      details: { field: 'memberId' },
    });
  });

  it.each([
    ['USER', 'USER.INVALID_STATE', 'User "alice" is deleted.'],
    ['GROUP', 'GROUP.INVALID_STATE', 'Group "alice" is deleted.'],
  ] as const)('refuses a deleted %s', (type, code, message) => {
    expect(liveEntityProblem({ type, name: 'alice', state: 'DELETED' }, 'mailboxUserId')).toEqual({
      code,
      message,
      details: { field: 'mailboxUserId', state: 'DELETED' },
    });
  });
});
