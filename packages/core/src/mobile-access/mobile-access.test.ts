import { describe, expect, it } from 'vitest';
import {
  CreateMobileDeviceAccessRuleInput,
  decideMobileDeviceAccess,
  DEFAULT_RULE,
  describeDecision,
  evaluateRules,
  matchesCondition,
  matchesNotCondition,
  MAX_MOBILE_DEVICE_ACCESS_RULES,
  MobileDeviceAccessConditions,
  MobileDeviceAccessEffectInput,
  PutMobileDeviceAccessOverrideInput,
  ruleLimitRefusal,
  ruleMatches,
  type EvaluatedRule,
  type MobileAccessEffect,
  type MobileDeviceAccessConditions as Conditions,
} from './index.ts';

const organizationId = `m-${'a'.repeat(32)}`;
const conditions = (c: Partial<Conditions> = {}) => MobileDeviceAccessConditions.parse(c);
const rule = (id: string, effect: MobileAccessEffect, c: Partial<Conditions> = {}): EvaluatedRule => ({ id, name: id, effect, conditions: conditions(c) });

const iphone = { deviceType: 'iPhone', deviceModel: 'iPhone15C2', deviceOperatingSystem: 'iOS 17.4 21E219', deviceUserAgent: 'Apple-iPhone15C2/2104.4' };

describe('conditions: case-insensitive prefix match, $NONE for what a device does not report', () => {
  it.each([
    [['iphone'], 'iPhone', true],
    [['IPHONE'], 'iPhone', true],
    [['iP'], 'iPad', true],
    [['iOS 14'], 'iOS 14.3', true],
    [['iOS 14.3'], 'iOS 14', false],
    [['Phone'], 'iPhone', false],
    [['android', 'iphone'], 'iPhone', true],
    [['iphone'], null, false],
    [['$NONE'], null, true],
    [['$none'], '', true],
    [['$NONE'], '   ', true],
    [['$NONE'], 'iPhone', false],
    [['iphone', '$NONE'], null, true],
    // No wildcard other than the implied prefix: `*` is a character like any other.
    [['*'], 'iPhone', false],
    [['i*'], 'iPhone', false],
    [[], null, true],
    [[], 'anything', true],
  ] as const)('%j matches %j: %s', (values, value, expected) => {
    expect(matchesCondition(values, value)).toBe(expected);
  });

  it.each([
    [['android'], 'iPhone', true],
    [['ANDROID'], 'Android', false],
    [['And'], 'Android', false],
    [['android'], null, false],
    [['android'], '', false],
    [['$NONE'], 'iPhone', true],
    [['$NONE'], null, false],
    [[], null, true],
  ] as const)('not %j matches %j: %s', (values, value, expected) => {
    expect(matchesNotCondition(values, value)).toBe(expected);
  });

  it('a rule applies only when every condition matches; a rule without conditions applies to all', () => {
    expect(ruleMatches(conditions(), {})).toBe(true);
    expect(ruleMatches(conditions({ deviceTypes: ['iphone'], deviceOperatingSystems: ['iOS 17'] }), iphone)).toBe(true);
    expect(ruleMatches(conditions({ deviceTypes: ['iphone'], deviceOperatingSystems: ['iOS 16'] }), iphone)).toBe(false);
    expect(ruleMatches(conditions({ deviceTypes: ['iphone'], notDeviceUserAgents: ['Apple-iPhone15'] }), iphone)).toBe(false);
    expect(ruleMatches(conditions({ notDeviceModels: ['Pixel'] }), iphone)).toBe(true);
    expect(ruleMatches(conditions({ notDeviceModels: ['Pixel'] }), { ...iphone, deviceModel: null })).toBe(false);
  });
});

describe('evaluateRules: deny wins, no applicable rule blocks', () => {
  it('the default rule allows any device, reporting or not', () => {
    const rules = [{ id: 'd', ...DEFAULT_RULE }];
    expect(evaluateRules(rules, iphone)).toEqual({ effect: 'ALLOW', matchedRules: [{ id: 'd', name: 'DefaultAllowAll' }] });
    expect(evaluateRules(rules, {})).toEqual({ effect: 'ALLOW', matchedRules: [{ id: 'd', name: 'DefaultAllowAll' }] });
  });

  it('without rules every device is blocked', () => {
    expect(evaluateRules([], iphone)).toEqual({ effect: 'DENY', matchedRules: [] });
  });

  it('a matching DENY wins over matching ALLOWs, and names only the DENY rules', () => {
    const rules = [rule('all', 'ALLOW'), rule('ios', 'ALLOW', { deviceTypes: ['iphone'] }), rule('old', 'DENY', { deviceOperatingSystems: ['iOS 17.4'] })];
    expect(evaluateRules(rules, iphone)).toEqual({ effect: 'DENY', matchedRules: [{ id: 'old', name: 'old' }] });
    expect(evaluateRules(rules, { ...iphone, deviceOperatingSystem: 'iOS 18.1' })).toEqual({
      effect: 'ALLOW',
      matchedRules: [
        { id: 'all', name: 'all' },
        { id: 'ios', name: 'ios' },
      ],
    });
  });

  it('only ALLOW rules that do not apply: blocked', () => {
    expect(evaluateRules([rule('android', 'ALLOW', { deviceTypes: ['android'] })], iphone)).toEqual({ effect: 'DENY', matchedRules: [] });
  });

  it('WorkMail\'s examples: block Android, allow one iOS version', () => {
    const rules = [rule('BlockAllAndroid', 'DENY', { deviceTypes: ['android'] }), rule('AllowLatestiOS', 'ALLOW', { deviceOperatingSystems: ['iOS 14.3'] })];
    expect(evaluateRules(rules, { deviceType: 'Android', deviceOperatingSystem: 'Android 8.1.0' }).effect).toBe('DENY');
    expect(evaluateRules(rules, { deviceType: 'iPhone', deviceOperatingSystem: 'iOS 14.3.1' }).effect).toBe('ALLOW');
    expect(evaluateRules(rules, { deviceType: 'iPhone', deviceOperatingSystem: 'iOS 14.2' }).effect).toBe('DENY');
  });
});

describe('decideMobileDeviceAccess: an override wins over the rules', () => {
  const denyAll = [rule('DefaultDenyAll', 'DENY')];
  it('allows a device the rules block, and the reverse', () => {
    const allowed = decideMobileDeviceAccess(denyAll, iphone, { effect: 'ALLOW', description: 'MDM compliant' });
    expect(allowed).toMatchObject({ effect: 'ALLOW', decidedBy: 'override', rules: { effect: 'DENY' } });
    expect(describeDecision(allowed)).toBe('This device is allowed by an override for this user and device.');
    const denied = decideMobileDeviceAccess([{ id: 'd', ...DEFAULT_RULE }], iphone, { effect: 'DENY', description: null });
    expect(denied).toMatchObject({ effect: 'DENY', decidedBy: 'override', rules: { effect: 'ALLOW' } });
  });
  it('without an override the rules decide, and say which', () => {
    const d = decideMobileDeviceAccess(denyAll, iphone, null);
    expect(d).toEqual({ effect: 'DENY', decidedBy: 'rules', rules: { effect: 'DENY', matchedRules: [{ id: 'DefaultDenyAll', name: 'DefaultDenyAll' }] }, override: null });
    expect(describeDecision(d)).toBe('This device is blocked by the mobile device access rule "DefaultDenyAll".');
    expect(describeDecision(decideMobileDeviceAccess([], iphone, null))).toBe('This device is blocked: no mobile device access rule of the organization allows it.');
  });
});

describe('rule input', () => {
  const base = { organizationId, name: 'BlockAndroid', effect: 'DENY', conditions: { deviceTypes: ['android'] } };

  it('fills absent conditions with empty lists and a blank description with null', () => {
    const parsed = CreateMobileDeviceAccessRuleInput.parse({ ...base, description: '  ' });
    expect(parsed.description).toBeNull();
    expect(parsed.conditions).toEqual({ ...conditions(), deviceTypes: ['android'] });
  });

  it.each([
    ['a blank name', { name: '  ' }, 'name', 'Enter a rule name.'],
    ['a 65-character name', { name: 'x'.repeat(65) }, 'name', 'A rule name has at most 64 characters.'],
    ['another effect', { effect: 'BLOCK' }, 'effect', 'Effect must be ALLOW or DENY.'],
    ['11 values', { conditions: { deviceTypes: Array(11).fill('a') } }, 'conditions.deviceTypes', 'Device types: at most 10 values.'],
    ['an empty value', { conditions: { notDeviceModels: [''] } }, 'conditions.notDeviceModels.0', 'Each value must not be empty.'],
    ['a 257-character value', { conditions: { deviceUserAgents: ['x'.repeat(257)] } }, 'conditions.deviceUserAgents.0', 'Each value must be at most 256 characters.'],
    ['a value beyond Latin-1', { conditions: { deviceModels: ['Pixel ✓'] } }, 'conditions.deviceModels.0', 'Each value may contain only printable Latin-1 characters (U+0020 to U+00FF).'],
    ['a 257-character description', { description: 'x'.repeat(257) }, 'description', 'A description has at most 256 characters.'],
  ])('refuses %s, naming the field', (_, patch, path, message) => {
    const parsed = CreateMobileDeviceAccessRuleInput.safeParse({ ...base, ...patch });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([path, message]);
  });

  it('accepts the boundaries: 64-character name, 10 values of 256 Latin-1 characters', () => {
    const values = Array(10).fill('ÿ'.repeat(256));
    expect(CreateMobileDeviceAccessRuleInput.safeParse({ ...base, name: 'x'.repeat(64), conditions: { deviceTypes: values } }).success).toBe(true);
  });

  it(`refuses rule ${MAX_MOBILE_DEVICE_ACCESS_RULES + 1}`, () => {
    expect(ruleLimitRefusal(MAX_MOBILE_DEVICE_ACCESS_RULES - 1)).toBeNull();
    expect(ruleLimitRefusal(MAX_MOBILE_DEVICE_ACCESS_RULES)).toMatchObject({ code: 'MOBILE_ACCESS.RULE_LIMIT_REACHED', details: { limit: 10 } });
  });
});

describe('override and simulation input', () => {
  const userId = '11111111-2222-3333-4444-555555555555';
  it('an override names a user, a device id of letters and digits, and an effect', () => {
    expect(PutMobileDeviceAccessOverrideInput.parse({ organizationId, userId, deviceId: 'ApplF17', effect: 'ALLOW' })).toEqual({
      organizationId,
      userId,
      deviceId: 'ApplF17',
      effect: 'ALLOW',
      description: null,
    });
    expect(PutMobileDeviceAccessOverrideInput.safeParse({ organizationId, userId, deviceId: 'abc-1', effect: 'ALLOW' }).success).toBe(false);
  });
  it('a simulated device may leave any property out; blank is left out', () => {
    expect(MobileDeviceAccessEffectInput.parse({ organizationId, deviceType: '' })).toEqual({ organizationId });
    expect(MobileDeviceAccessEffectInput.safeParse({ organizationId, deviceUserAgent: 'x'.repeat(257) }).success).toBe(false);
  });
});
