import { describe, expect, it } from 'vitest';
import { defaultAddressFor, normalizeUserName, userNameSchema } from './names.ts';
import { isReservedName, reservedNameRefusal, systemUsers } from './system.ts';
import {
  BulkUsersInput,
  CreateUserInput,
  EnableUsersInput,
  ListUsersInput,
  RenameUserInput,
  ResetPasswordInput,
  UpdateUserDetailsInput,
  UpdateUserInput,
  UserRef,
} from './schemas.ts';
import { identityProviderUserIdSchema } from './identity-provider.ts';

const organizationId = 'm-d281d0a2fd824be5b6cd3d3ce909fd27';
const userId = '0b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c';
const otherId = '1b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c';
const messages = (r: { error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];
const paths = (r: { error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('userNameSchema', () => {
  it.each(['alice', 'a', 'john.doe', 'j_doe-2', 'alice@example.com', 'x'.repeat(64)])('accepts %s', (name) => {
    expect(userNameSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    ['empty', '', 'User name is required.'],
    ['65 characters', 'x'.repeat(65), 'User name must be at most 64 characters.'],
    ['a space', 'john doe', /only letters/],
    ['a non-ASCII letter', 'josé', /only letters/],
    ['a bad domain', 'alice@example', /only letters/],
    ['two @', 'a@b@example.com', /only letters/],
  ])('refuses %s', (_, name, message) => {
    expect(messages(userNameSchema.safeParse(name))[0]).toMatch(message);
  });

  it('trims', () => {
    expect(userNameSchema.parse('  alice ')).toBe('alice');
  });

  it('compares names without case', () => {
    expect(normalizeUserName(' Alice ')).toBe('alice');
  });
});

describe('system users and reserved names', () => {
  it('has a postmaster', () => {
    expect(systemUsers).toEqual([{ name: 'postmaster', displayName: 'Postmaster' }]);
  });

  it.each(['postmaster', 'PostMaster', 'mailer-daemon', 'abuse', 'postmaster@example.com'])('%s is reserved', (name) => {
    expect(isReservedName(name)).toBe(true);
  });

  it('is not fooled by look-alikes', () => {
    expect(isReservedName('postmaster2')).toBe(false);
    expect(isReservedName('abused')).toBe(false);
  });

  it('refuses with a user or group code', () => {
    expect(reservedNameRefusal('abuse', 'user')).toMatchObject({ code: 'USER.NAME_RESERVED', details: { field: 'name' } });
    expect(reservedNameRefusal('abuse', 'group')).toMatchObject({ code: 'GROUP.NAME_RESERVED' });
    expect(reservedNameRefusal('alice', 'user')).toBeNull();
  });
});

describe('defaultAddressFor', () => {
  it('is name@default domain', () => {
    expect(defaultAddressFor('Alice', 'Example.com')).toBe('alice@example.com');
    expect(defaultAddressFor('alice@corp.example', 'example.com')).toBe('alice@example.com');
  });
});

describe('CreateUserInput', () => {
  const valid = {
    organizationId,
    name: 'alice',
    displayName: 'Alice Liddell',
    password: 'Wonderland1',
    repeatPassword: 'Wonderland1',
  };

  it('accepts the minimum and fills defaults', () => {
    expect(CreateUserInput.parse(valid)).toEqual({ ...valid, hiddenFromGlobalAddressList: false });
  });

  it('normalizes the email and treats empty optional names as absent', () => {
    const parsed = CreateUserInput.parse({ ...valid, email: ' Alice@Example.COM', firstName: '  ', lastName: ' Liddell ' });
    expect(parsed.email).toBe('alice@example.com');
    expect(parsed.firstName).toBeUndefined();
    expect(parsed.lastName).toBe('Liddell');
  });

  it('refuses a weak password naming each rule, and a mismatch', () => {
    const result = CreateUserInput.safeParse({ ...valid, password: 'alice', repeatPassword: 'alicE' });
    expect(paths(result)).toEqual(['password', 'password', 'repeatPassword']);
    expect(messages(result)).toContain('Passwords do not match.');
  });

  it('refuses a reserved name, an empty display name and an invalid email', () => {
    const result = CreateUserInput.safeParse({ ...valid, name: 'postmaster', displayName: ' ', email: 'x@y' });
    expect(paths(result)).toEqual(['name', 'displayName', 'email']);
    expect(messages(result)).toContain('Display name is required.');
  });

  it('names the field and the limit of a long attribute', () => {
    expect(messages(CreateUserInput.safeParse({ ...valid, lastName: 'x'.repeat(257) }))).toEqual([
      'Last name must be at most 256 characters.',
    ]);
    expect(CreateUserInput.safeParse({ ...valid, displayName: 'x'.repeat(256) }).success).toBe(true);
  });

  it('refuses an organization id of the wrong form', () => {
    expect(paths(CreateUserInput.safeParse({ ...valid, organizationId: 'org-1' }))).toEqual(['organizationId']);
  });
});

describe('UpdateUserDetailsInput', () => {
  it('keeps only the fields given; null and empty clear', () => {
    expect(UpdateUserDetailsInput.parse({ organizationId, userId, city: 'Paris', office: null, company: '' })).toEqual({
      organizationId,
      userId,
      city: 'Paris',
      office: null,
      company: null,
    });
  });

  it.each([
    ['initials', 'Initials'],
    ['telephone', 'Telephone'],
    ['street', 'Street'],
    ['city', 'City'],
    ['zipCode', 'ZIP code'],
    ['country', 'Country'],
    ['company', 'Company'],
    ['department', 'Department'],
    ['jobTitle', 'Job title'],
    ['office', 'Office'],
    ['firstName', 'First name'],
    ['lastName', 'Last name'],
    ['displayName', 'Display name'],
  ])('%s: 256 characters accepted, 257 refused naming "%s" and the limit', (field, label) => {
    expect(UpdateUserDetailsInput.safeParse({ organizationId, userId, [field]: 'x'.repeat(256) }).success).toBe(true);
    expect(messages(UpdateUserDetailsInput.safeParse({ organizationId, userId, [field]: 'x'.repeat(257) }))).toEqual([
      `${label} must be at most 256 characters.`,
    ]);
  });

  it('refuses control characters naming the field', () => {
    expect(messages(UpdateUserDetailsInput.safeParse({ organizationId, userId, displayName: 'Eve\nBcc: x' }))).toEqual([
      'Display name may not contain control characters such as line breaks.',
    ]);
    expect(paths(UpdateUserDetailsInput.safeParse({ organizationId, userId, city: 'Pa\u0000ris' }))).toEqual(['city']);
  });

  it('cannot clear the display name', () => {
    expect(UpdateUserDetailsInput.safeParse({ organizationId, userId, displayName: null }).success).toBe(false);
    expect(messages(UpdateUserDetailsInput.safeParse({ organizationId, userId, displayName: '' }))).toEqual([
      'Display name is required.',
    ]);
  });

  it('sets the address-book flag', () => {
    expect(UpdateUserDetailsInput.parse({ organizationId, userId, hiddenFromGlobalAddressList: true }).hiddenFromGlobalAddressList).toBe(true);
  });
});

describe('UpdateUserInput (WorkMail UpdateUser)', () => {
  const idp = '0123456789-01234567-89ab-cdef-0123-456789abcdef';
  it('takes a role and an identity-provider link; "" or null clears the link', () => {
    expect(UpdateUserInput.parse({ organizationId, userId, role: 'REMOTE_USER', identityProviderUserId: ` ${idp} ` })).toMatchObject({
      role: 'REMOTE_USER',
      identityProviderUserId: idp,
    });
    expect(UpdateUserInput.parse({ organizationId, userId, identityProviderUserId: '' }).identityProviderUserId).toBeNull();
    expect(UpdateUserInput.parse({ organizationId, userId, identityProviderUserId: null }).identityProviderUserId).toBeNull();
    expect(UpdateUserInput.parse({ organizationId, userId }).identityProviderUserId).toBeUndefined();
  });

  it('refuses an unknown role and a link that is not a UUID, naming the field', () => {
    expect(UpdateUserInput.safeParse({ organizationId, userId, role: 'ADMIN' }).error!.issues[0]!.path).toEqual(['role']);
    const issue = UpdateUserInput.safeParse({ organizationId, userId, identityProviderUserId: 'not-a-uuid' }).error!.issues[0]!;
    expect(issue).toMatchObject({ path: ['identityProviderUserId'], message: expect.stringMatching(/must be a UUID/) });
  });

  it('accepts a bare UUID or one after a ten-digit identity-store prefix', () => {
    expect(identityProviderUserIdSchema.safeParse('01234567-89AB-cdef-0123-456789abcdef').success).toBe(true);
    expect(identityProviderUserIdSchema.safeParse(idp).success).toBe(true);
    expect(identityProviderUserIdSchema.safeParse(`x${idp}`).success).toBe(false);
  });
});

describe('list, refs and bulk inputs', () => {
  it('ListUsersInput defaults the page size and drops an empty search', () => {
    expect(ListUsersInput.parse({ organizationId, search: '  ' })).toEqual({ organizationId, limit: 50, descending: false, search: undefined });
    expect(ListUsersInput.parse({ organizationId, search: ' Ali', state: 'DISABLED' })).toMatchObject({
      search: 'Ali',
      state: 'DISABLED',
    });
    expect(ListUsersInput.safeParse({ organizationId, state: 'SYSTEM' }).success).toBe(false);
    expect(ListUsersInput.safeParse({ organizationId, search: 'x'.repeat(257) }).success).toBe(false);
    expect(ListUsersInput.safeParse({ organizationId, limit: 101 }).success).toBe(false);
  });

  it('ListUsersInput takes the WorkMail prefix filters and refuses control characters', () => {
    expect(ListUsersInput.parse({ organizationId, usernamePrefix: ' al', displayNamePrefix: '', primaryEmailPrefix: 'a@' })).toEqual({
      organizationId,
      limit: 50,
      descending: false,
      usernamePrefix: 'al',
      displayNamePrefix: undefined,
      primaryEmailPrefix: 'a@',
    });
    expect(messages(ListUsersInput.safeParse({ organizationId, search: 'a\u0000' }))).toEqual(['Search may not contain control characters.']);
  });

  it('UserRef needs a UUID', () => {
    expect(UserRef.safeParse({ organizationId, userId }).success).toBe(true);
    expect(UserRef.safeParse({ organizationId, userId: 'alice' }).success).toBe(false);
  });

  it('BulkUsersInput takes 1 to 100 distinct users', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(BulkUsersInput.safeParse({ organizationId, userIds: [] }).success).toBe(false);
    expect(BulkUsersInput.safeParse({ organizationId, userIds: ids(100) }).success).toBe(true);
    expect(messages(BulkUsersInput.safeParse({ organizationId, userIds: ids(101) }))).toEqual(['Select at most 100 users at once.']);
    expect(messages(BulkUsersInput.safeParse({ organizationId, userIds: [userId, userId.toUpperCase()] }))).toEqual([
      'Each user may be selected only once.',
    ]);
  });

  it('EnableUsersInput refuses the same address for two users', () => {
    const result = EnableUsersInput.safeParse({
      organizationId,
      users: [
        { userId, email: 'a@example.com' },
        { userId: otherId, email: 'A@example.com' },
      ],
    });
    expect(paths(result)).toEqual(['users.1.email']);
    expect(EnableUsersInput.parse({ organizationId, users: [{ userId, email: ' A@Example.com' }] }).users[0]!.email).toBe('a@example.com');
    expect(EnableUsersInput.safeParse({ organizationId, users: [] }).success).toBe(false);
    expect(paths(EnableUsersInput.safeParse({ organizationId, users: [{ userId, email: 'a@b.co' }, { userId, email: 'c@b.co' }] }))).toEqual([
      'users.1.userId',
    ]);
  });

  it('RenameUserInput refuses reserved names', () => {
    expect(RenameUserInput.safeParse({ organizationId, userId, name: 'bob' }).success).toBe(true);
    expect(RenameUserInput.safeParse({ organizationId, userId, name: 'Mailer-Daemon' }).success).toBe(false);
  });

  it('ResetPasswordInput applies the policy and the match', () => {
    expect(ResetPasswordInput.safeParse({ organizationId, userId, password: 'Abcdef1!', repeatPassword: 'Abcdef1!' }).success).toBe(true);
    expect(paths(ResetPasswordInput.safeParse({ organizationId, userId, password: 'abcdefgh', repeatPassword: 'abcdefgh' }))).toEqual([
      'password',
    ]);
    expect(paths(ResetPasswordInput.safeParse({ organizationId, userId, password: 'Abcdef1!', repeatPassword: '' }))).toEqual([
      'repeatPassword',
    ]);
  });
});
