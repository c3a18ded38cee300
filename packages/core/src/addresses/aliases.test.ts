import { describe, expect, it } from 'vitest';
import {
  AddAliasInput,
  AliasPolicy,
  aliasLimitProblem,
  checkSelfServiceAlias,
  defaultAliasPolicy,
  MAX_ALIASES_PER_ENTITY,
  type SelfServiceAliasRequest,
} from './aliases.ts';

const orgId = 'm-' + '0'.repeat(32);
const entityId = '0b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c';

describe('aliasLimitProblem', () => {
  it('allows up to 100 aliases', () => {
    expect(MAX_ALIASES_PER_ENTITY).toBe(100);
    expect(aliasLimitProblem(99)).toBeNull();
    expect(aliasLimitProblem(100)).toMatchObject({ code: 'ADDRESS.LIMIT_REACHED', details: { limit: 100 } });
    expect(aliasLimitProblem(100)!.message).toContain('100');
  });
});

describe('AliasPolicy', () => {
  it('defaults to off, all domains, 5 per user, no pattern', () => {
    expect(defaultAliasPolicy).toEqual({ allowed: false, domains: [], maxPerUser: 5, localPartPattern: null });
  });

  it.each([
    ['maxPerUser -1', { maxPerUser: -1 }],
    ['maxPerUser 101', { maxPerUser: 101 }],
    ['maxPerUser 2.5', { maxPerUser: 2.5 }],
    ['an invalid regex', { localPartPattern: '[a-z' }],
    ['a 201-character pattern', { localPartPattern: 'a'.repeat(201) }],
    ['an invalid domain', { domains: ['not a domain'] }],
  ])('refuses %s', (_, input) => {
    expect(AliasPolicy.safeParse(input).success).toBe(false);
  });

  it('accepts bounds and normalizes domains', () => {
    expect(AliasPolicy.parse({ allowed: true, maxPerUser: 0, domains: ['Example.COM'], localPartPattern: 'a'.repeat(200) })).toMatchObject({
      maxPerUser: 0,
      domains: ['example.com'],
    });
    expect(AliasPolicy.parse({ maxPerUser: 100 }).maxPerUser).toBe(100);
  });
});

describe('checkSelfServiceAlias', () => {
  const policy = AliasPolicy.parse({ allowed: true });
  const request: SelfServiceAliasRequest = {
    localPart: 'jdoe',
    domain: 'example.com',
    currentAliasCount: 0,
    organizationDomains: ['example.com', 'example.org'],
  };

  it('allows an alias when the policy allows it', () => {
    expect(checkSelfServiceAlias(policy, request)).toBeNull();
    expect(checkSelfServiceAlias(policy, { ...request, domain: 'EXAMPLE.org', localPart: 'JDoe' })).toBeNull();
  });

  it('refuses when self-service is off', () => {
    expect(checkSelfServiceAlias(defaultAliasPolicy, request)).toMatchObject({ code: 'ADDRESS.SELF_SERVICE_DISABLED' });
  });

  it('refuses a domain outside the organization', () => {
    expect(checkSelfServiceAlias(policy, { ...request, domain: 'other.com' })).toMatchObject({
      code: 'ADDRESS.DOMAIN_NOT_ALLOWED',
      details: { allowedDomains: ['example.com', 'example.org'] },
    });
  });

  it('refuses a domain the policy leaves out, naming the allowed ones', () => {
    const only = AliasPolicy.parse({ allowed: true, domains: ['example.org', 'gone.com'] });
    const refused = checkSelfServiceAlias(only, request);
    expect(refused).toMatchObject({ code: 'ADDRESS.DOMAIN_NOT_ALLOWED' });
    expect(refused!.message).toBe('Aliases may use only these domains: example.org.');
    expect(checkSelfServiceAlias(only, { ...request, domain: 'example.org' })).toBeNull();
    expect(checkSelfServiceAlias(only, { ...request, domain: 'gone.com' })).toMatchObject({ code: 'ADDRESS.DOMAIN_NOT_ALLOWED' });
  });

  it('refuses at the policy limit, naming it', () => {
    const refused = checkSelfServiceAlias(policy, { ...request, currentAliasCount: 5 });
    expect(refused).toMatchObject({ code: 'ADDRESS.LIMIT_REACHED', details: { limit: 5 } });
    expect(refused!.message).toBe('You can have at most 5 aliases.');
    expect(checkSelfServiceAlias(policy, { ...request, currentAliasCount: 4 })).toBeNull();
  });

  it('refuses everything when the limit is 0, and never exceeds the hard limit', () => {
    expect(checkSelfServiceAlias(AliasPolicy.parse({ allowed: true, maxPerUser: 0 }), request)).toMatchObject({
      code: 'ADDRESS.LIMIT_REACHED',
      details: { limit: 0 },
    });
    const max = AliasPolicy.parse({ allowed: true, maxPerUser: 100 });
    expect(checkSelfServiceAlias(max, { ...request, currentAliasCount: 100 })).toMatchObject({ details: { limit: 100 } });
  });

  it('refuses an invalid local part', () => {
    expect(checkSelfServiceAlias(policy, { ...request, localPart: 'j..doe' })).toMatchObject({ code: 'ADDRESS.INVALID' });
  });

  it('matches the pattern against the whole local part', () => {
    const p = AliasPolicy.parse({ allowed: true, localPartPattern: 'jdoe(\\.[a-z]+)?' });
    expect(checkSelfServiceAlias(p, { ...request, localPart: 'jdoe.sales' })).toBeNull();
    const refused = checkSelfServiceAlias(p, { ...request, localPart: 'xjdoe' });
    expect(refused).toMatchObject({ code: 'ADDRESS.PATTERN_MISMATCH', details: { pattern: 'jdoe(\\.[a-z]+)?' } });
    expect(refused!.message).toContain('jdoe(\\.[a-z]+)?');
  });

  it('checks in order: disabled, domain, limit, pattern', () => {
    const p = AliasPolicy.parse({ allowed: true, maxPerUser: 1, localPartPattern: 'z+' });
    const everythingWrong = { ...request, domain: 'other.com', currentAliasCount: 1 };
    expect(checkSelfServiceAlias({ ...p, allowed: false }, everythingWrong)!.code).toBe('ADDRESS.SELF_SERVICE_DISABLED');
    expect(checkSelfServiceAlias(p, everythingWrong)!.code).toBe('ADDRESS.DOMAIN_NOT_ALLOWED');
    expect(checkSelfServiceAlias(p, { ...everythingWrong, domain: 'example.com' })!.code).toBe('ADDRESS.LIMIT_REACHED');
    expect(checkSelfServiceAlias(p, { ...request })!.code).toBe('ADDRESS.PATTERN_MISMATCH');
  });
});

describe('AddAliasInput', () => {
  it('normalizes the local part and the domain', () => {
    expect(AddAliasInput.parse({ organizationId: orgId, entityId, localPart: ' Sales ', domain: 'Example.com' })).toEqual({
      organizationId: orgId,
      entityId,
      localPart: 'sales',
      domain: 'example.com',
    });
  });

  it('refuses an invalid local part with the rule', () => {
    const issues = AddAliasInput.safeParse({ organizationId: orgId, entityId, localPart: 'sa les', domain: 'example.com' }).error!.issues;
    expect(issues).toEqual([expect.objectContaining({ path: ['localPart'], message: expect.stringMatching(/only letters/) })]);
  });
});
