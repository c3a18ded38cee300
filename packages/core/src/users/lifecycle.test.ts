import { describe, expect, it } from 'vitest';
import type { EntityState } from '../entities/state.ts';
import {
  canChangeAddresses,
  canChangeRole,
  canDelete,
  canDisable,
  canEdit,
  canEnable,
  canRename,
  canSetPrimaryAddress,
  lacksPassword,
  MAILBOX_RETENTION_DAYS,
  mailboxDeletionDate,
  scheduledMailboxDeletion,
  userActions,
  type UserFacts,
} from './lifecycle.ts';
import { roleRefusal, userStatusLabel } from './roles.ts';

const user = (state: EntityState, role: UserFacts['role'] = 'USER', email: string | null = 'alice@example.com'): UserFacts => ({
  name: 'alice',
  state,
  role,
  email,
});
const code = (r: { code: string } | null) => r?.code ?? null;

describe('user state rules', () => {
  it.each([
    // [state, role, enable, disable, delete, rename, edit]
    ['ENABLED', 'USER', null, null, 'USER.INVALID_STATE', null, null],
    ['DISABLED', 'USER', null, 'USER.INVALID_STATE', null, null, null],
    ['DELETED', 'USER', 'USER.INVALID_STATE', 'USER.INVALID_STATE', 'USER.INVALID_STATE', 'USER.INVALID_STATE', 'USER.INVALID_STATE'],
    ['ENABLED', 'REMOTE_USER', null, null, 'USER.INVALID_STATE', null, null],
    ['ENABLED', 'SYSTEM_USER', null, 'USER.SYSTEM_PROTECTED', 'USER.SYSTEM_PROTECTED', 'USER.SYSTEM_PROTECTED', null],
    ['DISABLED', 'SYSTEM_USER', null, 'USER.SYSTEM_PROTECTED', 'USER.SYSTEM_PROTECTED', 'USER.SYSTEM_PROTECTED', null],
  ] as const)('%s %s: enable %s, disable %s, delete %s, rename %s, edit %s', (state, role, enable, disable, del, rename, edit) => {
    const u = user(state, role);
    expect(code(canEnable(u))).toBe(enable);
    expect(code(canDisable(u))).toBe(disable);
    expect(code(canDelete(u))).toBe(del);
    expect(code(canRename(u))).toBe(rename);
    expect(code(canEdit(u))).toBe(edit);
  });

  it('explains why an enabled user cannot be deleted', () => {
    expect(canDelete(user('ENABLED'))!.message).toBe('User "alice" is enabled: disable it before deleting it.');
  });

  it('names the system user it protects', () => {
    expect(canDelete({ name: 'postmaster', state: 'ENABLED', role: 'SYSTEM_USER' })!.message).toBe(
      '"postmaster" is a system user and cannot be deleted.',
    );
  });

  it('enabling an enabled user with its own address is a no-op; with another it is refused', () => {
    expect(canEnable(user('ENABLED'), 'Alice@Example.com')).toBeNull();
    expect(canEnable(user('ENABLED'), 'bob@example.com')).toMatchObject({
      code: 'USER.ALREADY_REGISTERED',
      details: { field: 'email', email: 'alice@example.com' },
    });
    expect(canEnable(user('DISABLED'), 'bob@example.com')).toBeNull();
    expect(canEnable(user('DISABLED', 'USER', null), 'bob@example.com')).toBeNull();
  });
});

describe('address changes', () => {
  it('need a primary address, a live user, and leave a system user its primary', () => {
    expect(canChangeAddresses(user('DISABLED'))).toBeNull();
    expect(canChangeAddresses(user('DISABLED', 'USER', null))!.message).toBe('User "alice" has no email address yet: enable it with one first.');
    expect(code(canChangeAddresses(user('DELETED')))).toBe('USER.INVALID_STATE');
    expect(canSetPrimaryAddress(user('ENABLED'))).toBeNull();
    expect(code(canSetPrimaryAddress(user('ENABLED', 'SYSTEM_USER')))).toBe('USER.SYSTEM_PROTECTED');
    expect(canChangeAddresses(user('ENABLED', 'SYSTEM_USER'))).toBeNull();
  });
});

describe('role changes', () => {
  it('move a user between USER and REMOTE_USER; never to SYSTEM_USER or RESOURCE; never a system user', () => {
    expect(canChangeRole(user('ENABLED'), 'REMOTE_USER')).toBeNull();
    expect(canChangeRole(user('DISABLED', 'REMOTE_USER'), 'USER')).toBeNull();
    expect(canChangeRole(user('ENABLED'), 'USER')).toBeNull();
    expect(code(canChangeRole(user('ENABLED'), 'SYSTEM_USER'))).toBe('USER.ROLE_NOT_ALLOWED');
    expect(code(canChangeRole(user('ENABLED'), 'RESOURCE'))).toBe('USER.ROLE_NOT_ALLOWED');
    expect(canChangeRole({ name: 'postmaster', state: 'ENABLED', role: 'SYSTEM_USER' }, 'USER')).toMatchObject({
      code: 'USER.SYSTEM_PROTECTED',
      message: '"postmaster" is a system user and cannot be given another role.',
    });
  });
});

describe('mailbox retention', () => {
  it('deletes the mailbox 30 days after the user was disabled', () => {
    expect(MAILBOX_RETENTION_DAYS).toBe(30);
    expect(mailboxDeletionDate(new Date('2025-03-01T10:15:00Z')).toISOString()).toBe('2025-03-31T10:15:00.000Z');
  });

  it('counts 30 × 24 hours across a DST change and a month end', () => {
    expect(mailboxDeletionDate(new Date('2025-10-20T00:00:00Z')).toISOString()).toBe('2025-11-19T00:00:00.000Z');
    expect(mailboxDeletionDate(new Date('2024-02-15T12:00:00Z')).toISOString()).toBe('2024-03-16T12:00:00.000Z');
  });

  it('does not change its argument', () => {
    const at = new Date('2025-01-01T00:00:00Z');
    mailboxDeletionDate(at);
    expect(at.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('roles', () => {
  it('refuses SYSTEM_USER and RESOURCE for create and update', () => {
    expect(roleRefusal('USER')).toBeNull();
    expect(roleRefusal('REMOTE_USER')).toBeNull();
    expect(code(roleRefusal('SYSTEM_USER'))).toBe('USER.ROLE_NOT_ALLOWED');
    expect(code(roleRefusal('RESOURCE'))).toBe('USER.ROLE_NOT_ALLOWED');
  });

  it('labels system users as "System user"', () => {
    expect(userStatusLabel({ role: 'SYSTEM_USER', state: 'ENABLED' })).toBe('System user');
    expect(userStatusLabel({ role: 'USER', state: 'DISABLED' })).toBe('Disabled');
  });
});

describe('the actions offered on selected users', () => {
  it('offers each action only when it applies to every selected user', () => {
    expect(userActions([])).toEqual({ enable: false, disable: false, delete: false, resetPassword: false });
    expect(userActions([user('ENABLED')])).toEqual({ enable: false, disable: true, delete: false, resetPassword: true });
    expect(userActions([user('DISABLED')])).toEqual({ enable: true, disable: false, delete: true, resetPassword: true });
    expect(userActions([user('DELETED')])).toEqual({ enable: false, disable: false, delete: false, resetPassword: false });
    expect(userActions([user('ENABLED'), user('DISABLED')])).toEqual({ enable: false, disable: false, delete: false, resetPassword: false });
    expect(userActions([user('DISABLED'), user('DISABLED')])).toMatchObject({ enable: true, delete: true, resetPassword: false });
  });

  it('never offers disabling or deleting a system user', () => {
    expect(userActions([user('ENABLED', 'SYSTEM_USER')])).toMatchObject({ disable: false, resetPassword: true });
    expect(userActions([user('DISABLED'), user('DISABLED', 'SYSTEM_USER')])).toMatchObject({ enable: true, delete: false });
  });
});

describe('scheduled mailbox deletion', () => {
  const disabledAt = new Date('2026-03-01T10:00:00Z');
  it('is 30 days after disabling, for a disabled user only', () => {
    expect(scheduledMailboxDeletion({ state: 'DISABLED', disabledAt })).toEqual(mailboxDeletionDate(disabledAt));
    expect(scheduledMailboxDeletion({ state: 'ENABLED', disabledAt })).toBeNull();
    expect(scheduledMailboxDeletion({ state: 'DELETED', disabledAt })).toBeNull();
    expect(scheduledMailboxDeletion({ state: 'DISABLED', disabledAt: null })).toBeNull();
  });
});

describe('lacksPassword', () => {
  const person = { role: 'USER', state: 'DISABLED', hasPassword: false, fromDirectory: false } as const;
  it.each([
    ['a person without a password', person, true],
    ['an enabled person without a password', { ...person, state: 'ENABLED' }, true],
    ['a person with a password', { ...person, hasPassword: true }, false],
    ['a deleted user (nothing to sign in to)', { ...person, state: 'DELETED' }, false],
    ['a system user (never signs in with one)', { ...person, role: 'SYSTEM_USER' }, false],
    ['a resource', { ...person, role: 'RESOURCE' }, false],
    ['a directory user (signs in with the directory password)', { ...person, fromDirectory: true }, false],
  ] as const)('%s', (_, user, expected) => {
    expect(lacksPassword(user)).toBe(expected);
  });
});
