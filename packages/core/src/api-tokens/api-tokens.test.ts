import { describe, expect, it } from 'vitest';
import { CreateApiTokenInput } from './schemas.ts';
import { apiTokenExpiry, apiTokenExpiryProblem, apiTokenRefusal, apiTokenStatus, looksLikeApiToken } from './tokens.ts';

const now = new Date('2026-11-26T09:00:00Z');
const org = `m-${'a'.repeat(32)}`;

describe('CreateApiTokenInput', () => {
  it('defaults to every organization and no expiry', () => {
    expect(CreateApiTokenInput.parse({ name: ' ci ', access: 'read-only' })).toEqual({ name: 'ci', access: 'read-only', organizationIds: null });
  });

  it.each([
    [{ name: '', access: 'read-only' }, 'name', /required/],
    [{ name: 'x'.repeat(101), access: 'read-only' }, 'name', /at most 100/],
    [{ name: 'x', access: 'admin' }, 'access', /read-only|read-write/],
    [{ name: 'x', access: 'read-only', organizationIds: [] }, 'organizationIds', /at least one/],
    [{ name: 'x', access: 'read-only', organizationIds: [org, org] }, 'organizationIds', /only once/],
    [{ name: 'x', access: 'read-only', organizationIds: ['m-nope'] }, 'organizationIds.0', /32 lowercase/],
    [{ name: 'x', access: 'read-only', expiresInDays: 0 }, 'expiresInDays', /at least 1 day/],
    [{ name: 'x', access: 'read-only', expiresInDays: 1.5 }, 'expiresInDays', /whole number/],
    [{ name: 'x', access: 'read-only', expiresInDays: 3, expiresAt: now }, 'expiresAt', /not both/],
  ])('refuses %j naming %s', (input, field, rule) => {
    const result = CreateApiTokenInput.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === field);
    expect(issue?.message).toMatch(rule);
  });
});

describe('token lifetime', () => {
  it('is active, then expired at the expiry instant; revoked wins', () => {
    const expiresAt = new Date(now.getTime() + 1000);
    expect(apiTokenStatus({ expiresAt, revokedAt: null }, now)).toBe('active');
    expect(apiTokenStatus({ expiresAt, revokedAt: null }, expiresAt)).toBe('expired');
    expect(apiTokenStatus({ expiresAt: null, revokedAt: now }, now)).toBe('revoked');
    expect(apiTokenStatus({ expiresAt: now, revokedAt: now }, expiresAt)).toBe('revoked');
  });

  it('words refusals with the date in UTC', () => {
    expect(apiTokenRefusal({ expiresAt: now, revokedAt: null }, now)).toMatchObject({
      code: 'AUTH.TOKEN_EXPIRED',
      message: 'This API token expired on 2026-11-26 09:00 UTC.',
    });
    expect(apiTokenRefusal({ expiresAt: null, revokedAt: now }, now)).toMatchObject({ code: 'AUTH.TOKEN_REVOKED', message: /revoked on 2026-11-26/ });
    expect(apiTokenRefusal({ expiresAt: null, revokedAt: null }, now)).toBeNull();
  });

  it('computes the expiry from days or a date, and refuses a date in the past', () => {
    expect(apiTokenExpiry({ expiresInDays: 30 }, now)).toEqual(new Date('2026-12-26T09:00:00Z'));
    expect(apiTokenExpiry({}, now)).toBeNull();
    expect(apiTokenExpiryProblem({ expiresAt: now }, now)).toMatchObject({ code: 'VALIDATION', details: { field: 'expiresAt' } });
    expect(apiTokenExpiryProblem({ expiresAt: new Date(now.getTime() + 1) }, now)).toBeNull();
  });

  it('recognises the token shape', () => {
    expect(looksLikeApiToken('myd_abcdefghijkl')).toBe(true);
    expect(looksLikeApiToken('ghp_abcdefghijkl')).toBe(false);
    expect(looksLikeApiToken('myd_')).toBe(false);
  });
});
