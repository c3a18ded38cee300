import { describe, expect, it } from 'vitest';
import { accessDeniedRefusal, evaluateAccess, type RuleConditions } from './evaluate.ts';
import { ADA, EVALUATION_CASES } from './evaluation-cases.ts';
import { clientIp, inRange, parseCidr, parseIp } from './ip.ts';
import { accessRuleLimitRefusal, DEFAULT_ACCESS_RULE, MAX_ACCESS_CONTROL_RULES } from './limits.ts';
import { MailSignInInput } from './mail-sign-in.ts';
import { GetAccessControlEffectInput, PutAccessControlRuleInput } from './schemas.ts';

const conditions = (rule: EvaluationRule): RuleConditions => ({
  ipRanges: [],
  notIpRanges: [],
  actions: [],
  notActions: [],
  userIds: [],
  notUserIds: [],
  ...rule,
});
type EvaluationRule = (typeof EVALUATION_CASES)[number]['rules'][number];

describe('evaluateAccess', () => {
  it.each(EVALUATION_CASES)('$name', ({ rules, request, expected }) => {
    expect(evaluateAccess(rules.map(conditions), request)).toEqual(expected);
  });

  it('the default rule allows every action from anywhere', () => {
    for (const action of ['WebMail', 'IMAP', 'SMTP', 'ActiveSync']) {
      for (const ip of ['127.0.0.1', '::1', '203.0.113.7', null]) expect(evaluateAccess([DEFAULT_ACCESS_RULE], { userId: ADA, action, ip }).effect).toBe('ALLOW');
    }
  });

  it('a denied sign-in is refused without naming the rule', () => {
    const refused = accessDeniedRefusal({ effect: 'DENY', matchedRules: ['secret-rule'] });
    expect(refused).toMatchObject({ code: 'ACCESS.DENIED_BY_RULES' });
    expect(refused!.message).toContain("organization's access rules");
    expect(refused!.message).not.toContain('secret-rule');
    expect(accessDeniedRefusal({ effect: 'ALLOW', matchedRules: ['default'] })).toBeNull();
  });
});

describe('IP addresses and ranges', () => {
  it.each([
    ['0.0.0.0', [0, 0, 0, 0]],
    ['255.255.255.255', [255, 255, 255, 255]],
    ['::', new Array(16).fill(0)],
    ['::1', [...new Array(15).fill(0), 1]],
    ['2001:db8::', [0x20, 0x01, 0x0d, 0xb8, ...new Array(12).fill(0)]],
    ['1:2:3:4:5:6:7:8', [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]],
    ['::ffff:192.0.2.1', [...new Array(10).fill(0), 0xff, 0xff, 192, 0, 2, 1]],
    ['FE80::A', [0xfe, 0x80, ...new Array(13).fill(0), 0x0a]],
  ])('reads %s', (text, bytes) => {
    expect(parseIp(text)?.bytes).toEqual(bytes);
  });

  it.each(['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1.2.3.-4', 'a.b.c.d', ':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::', 'g::1', '1.2.3.4::', '::1.2.3', ':1', '1:'])(
    'refuses the address %j',
    (text) => expect(parseIp(text)).toBeNull(),
  );

  it.each(['10.0.0.0', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/08', '::/129', '10.0.0.0/', '/8', '10.0.0.0/8/8', 'x/8'])('refuses the range %j', (text) => {
    expect(parseCidr(text)).toBeNull();
  });

  it('treats an IPv4-mapped client address as IPv4, and other IPv6 addresses as they are', () => {
    expect(clientIp('::ffff:10.1.2.3')?.bytes).toEqual([10, 1, 2, 3]);
    expect(clientIp('::10.1.2.3')?.bytes).toHaveLength(16);
    expect(clientIp('10.1.2.3')?.bytes).toEqual([10, 1, 2, 3]);
  });

  it('compares the prefix bit by bit', () => {
    const range = parseCidr('172.16.0.0/12')!;
    expect(inRange(parseIp('172.31.255.255')!, range)).toBe(true);
    expect(inRange(parseIp('172.32.0.0')!, range)).toBe(false);
    expect(inRange(parseIp('172.15.255.255')!, range)).toBe(false);
    expect(inRange(parseIp('1.2.3.4')!, parseCidr('9.9.9.9/0')!)).toBe(true);
  });
});

describe('rule input', () => {
  const organizationId = `m-${'a'.repeat(32)}`;
  const issues = (input: object) => {
    const parsed = PutAccessControlRuleInput.safeParse({ organizationId, name: 'r', effect: 'DENY', ...input });
    return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  };

  it('takes a rule with every condition, and defaults the missing ones to none', () => {
    expect(issues({ ipRanges: ['192.0.2.0/24', '2001:db8::/32'], notActions: ['WebMail'], userIds: [ADA.toUpperCase()], description: 'Café hours' })).toEqual([]);
    expect(PutAccessControlRuleInput.parse({ organizationId, name: 'r', effect: 'ALLOW' })).toMatchObject({ description: '', ipRanges: [], actions: [], notUserIds: [] });
    expect(PutAccessControlRuleInput.parse({ organizationId, name: 'r', effect: 'ALLOW', userIds: [ADA.toUpperCase()] }).userIds).toEqual([ADA]);
  });

  it.each([
    [{ name: '' }, 'name', 'Enter a rule name.'],
    [{ name: 'x'.repeat(65) }, 'name', 'at most 64'],
    [{ name: 'no spaces' }, 'name', 'letters, digits, hyphens and underscores'],
    [{ effect: 'MAYBE' }, 'effect', 'ALLOW or DENY'],
    [{ description: 'x'.repeat(256) }, 'description', 'at most 255'],
    [{ description: 'line\nbreak' }, 'description', 'Latin-1'],
    [{ ipRanges: ['192.0.2.0'] }, 'ipRanges.0', 'CIDR'],
    [{ notIpRanges: ['ok/8'] }, 'notIpRanges.0', 'CIDR'],
    [{ ipRanges: new Array(1025).fill('10.0.0.0/8') }, 'ipRanges', 'at most 1024'],
    [{ actions: ['POP3'] }, 'actions.0', 'Action must be one of'],
    [{ notActions: new Array(11).fill('IMAP') }, 'notActions', 'at most 10'],
    [{ userIds: ['ada'] }, 'userIds.0', 'UUID'],
    [{ notUserIds: new Array(11).fill(ADA) }, 'notUserIds', 'at most 10'],
  ])('refuses case %# on %s', (input, path, message) => {
    expect(issues(input)).toEqual([{ path, message: expect.stringContaining(message) }]);
  });

  it('asks the effect of a valid address and action', () => {
    expect(GetAccessControlEffectInput.safeParse({ organizationId, ipAddress: '::1', action: 'WebMail', userId: ADA }).success).toBe(true);
    const bad = GetAccessControlEffectInput.safeParse({ organizationId, ipAddress: '10.0.0.0/8', action: 'Telnet', userId: ADA });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['ipAddress', 'action']);
  });
});

describe('the rule limit', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `rule-${i}`);

  it(`allows ${MAX_ACCESS_CONTROL_RULES} rules, and replacing one at the limit`, () => {
    expect(accessRuleLimitRefusal(names(MAX_ACCESS_CONTROL_RULES - 1), 'new')).toBeNull();
    expect(accessRuleLimitRefusal(names(MAX_ACCESS_CONTROL_RULES), 'rule-3')).toBeNull();
  });

  it('refuses a new one beyond it', () => {
    expect(accessRuleLimitRefusal(names(MAX_ACCESS_CONTROL_RULES), 'new')).toMatchObject({
      code: 'ACCESS_RULE.LIMIT_REACHED',
      details: { field: 'name', limit: MAX_ACCESS_CONTROL_RULES },
    });
  });
});

describe('a mail server\'s sign-in question', () => {
  const asked = { login: ' Ada@Example.com ', password: 'secret', service: 'imap', remoteIp: '192.0.2.10' };

  it('takes a login, a password, a service and an optional client address', () => {
    expect(MailSignInInput.parse(asked)).toEqual({ ...asked, login: 'Ada@Example.com' });
    expect(MailSignInInput.parse({ ...asked, remoteIp: undefined }).remoteIp).toBeUndefined();
    expect(MailSignInInput.parse({ ...asked, remoteIp: null }).remoteIp).toBeNull();
  });

  it('names the field and the rule of what it refuses', () => {
    const message = (patch: object) => MailSignInInput.safeParse({ ...asked, ...patch }).error!.issues[0]!.message;
    expect(message({ login: '' })).toBe('Login is required.');
    expect(message({ password: '' })).toBe('Password is required.');
    expect(message({ password: 'x'.repeat(257) })).toBe('Password must be at most 256 characters.');
    expect(message({ service: 'pop3' })).toBe('Service must be one of imap, smtp, submission.');
    expect(message({ remoteIp: 'not-an-ip' })).toMatch(/IPv4 or IPv6 address/);
  });
});
