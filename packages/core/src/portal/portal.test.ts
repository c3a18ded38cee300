import { describe, expect, it } from 'vitest';
import {
  ChangePasswordInput,
  CompletePasswordResetInput,
  formatRecoveryCode,
  mailSignInRefusal,
  portalAccessRefusal,
  recoveryAddressRefusal,
  VerifyRecoveryAddressInput,
  type PortalAccountFacts,
} from './index.ts';

const usable: PortalAccountFacts = { state: 'ENABLED', role: 'USER', organizationState: 'Active', hasPassword: true, fromDirectory: false };

describe('portalAccessRefusal', () => {
  it('lets an enabled user with a password in an Active organization in', () => {
    expect(portalAccessRefusal(usable)).toBeNull();
  });

  it('lets a directory user in without a password of its own (the directory checks it)', () => {
    expect(portalAccessRefusal({ ...usable, hasPassword: false, fromDirectory: true })).toBeNull();
  });

  it.each([
    ['a disabled user', { state: 'DISABLED' }],
    ['a deleted user', { state: 'DELETED' }],
    ['a system user', { role: 'SYSTEM_USER' }],
    ['a resource', { role: 'RESOURCE' }],
    ['a user without a password', { hasPassword: false }],
    ['an Inactive organization', { organizationState: 'Inactive' }],
    ['an Impaired organization', { organizationState: 'Impaired' }],
    ['a Deleting organization', { organizationState: 'Deleting' }],
  ] as const)('refuses %s', (_, patch) => {
    expect(portalAccessRefusal({ ...usable, ...patch })?.code).toBe('AUTH.ACCOUNT_UNAVAILABLE');
  });
});

describe('recoveryAddressRefusal', () => {
  const domains = ['example.com', 'acme.mailyard.test'];
  it.each(['me@gmail.com', 'me@example.org', 'me@notexample.com', 'me@mailyard.test'])('accepts %s', (address) => {
    expect(recoveryAddressRefusal(address, domains)).toBeNull();
  });

  it.each([
    ['an address on an organization domain', 'me@example.com', 'example.com'],
    ['upper case', 'me@EXAMPLE.com', 'example.com'],
    ['a subdomain', 'me@mail.example.com', 'example.com'],
    ['the test domain', 'me@acme.mailyard.test', 'acme.mailyard.test'],
  ])('refuses %s, naming the domain', (_, address, domain) => {
    const refused = recoveryAddressRefusal(address, domains);
    expect(refused?.code).toBe('RECOVERY.ADDRESS_INVALID');
    expect(refused?.details).toMatchObject({ field: 'email', domain });
    expect(refused?.message).toContain(domain);
  });
});

describe('portal inputs', () => {
  it('pads recovery codes to six digits', () => {
    expect(formatRecoveryCode(42)).toBe('000042');
    expect(formatRecoveryCode(999_999)).toBe('999999');
  });

  it.each(['12345', '1234567', 'abcdef', '12 456'])('refuses the code %j', (code) => {
    expect(VerifyRecoveryAddressInput.safeParse({ code }).error?.issues[0]?.message).toBe('Enter the 6-digit code from the email.');
  });

  it('accepts a code with surrounding spaces', () => {
    expect(VerifyRecoveryAddressInput.parse({ code: ' 012345 ' })).toEqual({ code: '012345' });
  });

  it('names every broken rule of a new password, the mismatch and a missing current password together', () => {
    const issues = ChangePasswordInput.safeParse({ currentPassword: '', password: 'abc', repeatPassword: 'abd' }).error!.issues;
    expect(issues.map((i) => i.path.join('.'))).toEqual(['currentPassword', 'password', 'password', 'repeatPassword']);
  });

  it('refuses a malformed reset token without echoing it', () => {
    const result = CompletePasswordResetInput.safeParse({ token: 'x', password: 'Abcdef1!', repeatPassword: 'Abcdef1!' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['token'], message: 'This reset link is not valid. Ask for a new one.' })]);
  });
});

describe('mailSignInRefusal', () => {
  const person = { state: 'ENABLED', role: 'USER', organizationState: 'Active' } as const;
  it.each(['Active', 'Validating', 'Impaired'] as const)('lets an enabled person of a %s organization open their mailbox', (organizationState) => {
    expect(mailSignInRefusal({ ...person, organizationState })).toBeNull();
  });
  it.each([
    ['a disabled user', { state: 'DISABLED' }],
    ['a system user', { role: 'SYSTEM_USER' }],
    ['a resource', { role: 'RESOURCE' }],
    ['an Inactive organization', { organizationState: 'Inactive' }],
    ['a Deleting organization', { organizationState: 'Deleting' }],
  ] as const)('refuses %s', (_, patch) => {
    expect(mailSignInRefusal({ ...person, ...patch })?.code).toBe('AUTH.ACCOUNT_UNAVAILABLE');
  });
});
