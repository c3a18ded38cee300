import type { AccessEffect } from './models.ts';
import type { AccessRequest, RuleConditions } from './evaluate.ts';

/**
 * One table of evaluation cases, run through `evaluateAccess` (core's unit test) and through the mail servers' SQL
 * function `mailserver.v1_access_effect` (packages/db/test/access-control-effect.test.ts), so the two evaluations
 * cannot drift apart. Not exported by the package: test data, imported by path.
 */
export interface EvaluationCase {
  name: string;
  rules: (Partial<RuleConditions> & Pick<RuleConditions, 'name' | 'effect'>)[];
  request: AccessRequest;
  expected: AccessEffect;
}

export const ADA = '0b9d8a0e-7c43-4c8e-9a57-0a4d3f1e2b01';
export const BOB = '6f1c2d3e-4b5a-4978-8a6b-5c4d3e2f1a02';

const from = (ip: string | null, action = 'IMAP', userId = ADA): AccessRequest => ({ userId, action, ip });
const allowAll = { name: 'default', effect: 'ALLOW' } as const;
const allow = (...matchedRules: string[]): AccessEffect => ({ effect: 'ALLOW', matchedRules });
const deny = (...matchedRules: string[]): AccessEffect => ({ effect: 'DENY', matchedRules });

export const EVALUATION_CASES: EvaluationCase[] = [
  { name: 'no rule: denied', rules: [], request: from('192.0.2.1'), expected: deny() },
  { name: 'the default rule allows everyone', rules: [allowAll], request: from('192.0.2.1'), expected: allow('default') },
  {
    name: 'deny wins over allow',
    rules: [allowAll, { name: 'no-imap', effect: 'DENY', actions: ['IMAP'] }],
    request: from('192.0.2.1'),
    expected: deny('no-imap'),
  },
  {
    name: 'a deny rule on another action does not match',
    rules: [allowAll, { name: 'no-imap', effect: 'DENY', actions: ['IMAP'] }],
    request: from('192.0.2.1', 'WebMail'),
    expected: allow('default'),
  },
  {
    name: 'every matching deny rule is named',
    rules: [{ name: 'b', effect: 'DENY' }, allowAll, { name: 'a', effect: 'DENY', userIds: [ADA] }],
    request: from('192.0.2.1'),
    expected: deny('b', 'a'),
  },
  {
    name: 'every matching allow rule is named',
    rules: [allowAll, { name: 'office', effect: 'ALLOW', ipRanges: ['192.0.2.0/24'] }],
    request: from('192.0.2.77'),
    expected: allow('default', 'office'),
  },
  // IP ranges, IPv4
  { name: 'an address in the range matches', rules: [{ name: 'office', effect: 'ALLOW', ipRanges: ['10.0.0.0/8'] }], request: from('10.200.3.4'), expected: allow('office') },
  { name: 'an address outside the range does not', rules: [{ name: 'office', effect: 'ALLOW', ipRanges: ['10.0.0.0/8'] }], request: from('11.0.0.1'), expected: deny() },
  { name: 'the range ends where its prefix says', rules: [{ name: 'r', effect: 'ALLOW', ipRanges: ['192.0.2.128/25'] }], request: from('192.0.2.127'), expected: deny() },
  { name: 'the range starts where its prefix says', rules: [{ name: 'r', effect: 'ALLOW', ipRanges: ['192.0.2.128/25'] }], request: from('192.0.2.128'), expected: allow('r') },
  { name: 'host bits of a range are ignored', rules: [{ name: 'r', effect: 'ALLOW', ipRanges: ['10.1.2.3/8'] }], request: from('10.9.9.9'), expected: allow('r') },
  { name: 'a /32 is one address', rules: [{ name: 'r', effect: 'ALLOW', ipRanges: ['127.0.0.1/32'] }], request: from('127.0.0.2'), expected: deny() },
  { name: '/0 is every IPv4 address', rules: [{ name: 'r', effect: 'ALLOW', ipRanges: ['0.0.0.0/0'] }], request: from('203.0.113.9'), expected: allow('r') },
  { name: 'any of several ranges', rules: [{ name: 'r', effect: 'ALLOW', ipRanges: ['10.0.0.0/8', '192.0.2.0/24'] }], request: from('192.0.2.5'), expected: allow('r') },
  // IP ranges, IPv6
  { name: 'an IPv6 address in an IPv6 range', rules: [{ name: 'v6', effect: 'ALLOW', ipRanges: ['2001:db8::/32'] }], request: from('2001:db8:1:2::3'), expected: allow('v6') },
  { name: 'an IPv6 address outside it', rules: [{ name: 'v6', effect: 'ALLOW', ipRanges: ['2001:db8::/32'] }], request: from('2001:db9::1'), expected: deny() },
  { name: 'an IPv6 prefix off a byte boundary', rules: [{ name: 'v6', effect: 'ALLOW', ipRanges: ['2001:db8:8000::/33'] }], request: from('2001:db8:7fff::1'), expected: deny() },
  { name: '::1/128 is loopback only', rules: [{ name: 'lo', effect: 'DENY', ipRanges: ['::1/128'] }, allowAll], request: from('::1'), expected: deny('lo') },
  { name: 'an IPv6 address is in no IPv4 range', rules: [{ name: 'r', effect: 'ALLOW', ipRanges: ['0.0.0.0/0'] }], request: from('2001:db8::1'), expected: deny() },
  { name: 'an IPv4 address is in no IPv6 range', rules: [{ name: 'r', effect: 'ALLOW', ipRanges: ['::/0'] }], request: from('192.0.2.1'), expected: deny() },
  { name: 'an IPv4-mapped IPv6 address is its IPv4 address', rules: [{ name: 'r', effect: 'ALLOW', ipRanges: ['127.0.0.0/8'] }], request: from('::ffff:127.0.0.1'), expected: allow('r') },
  // NotIpRanges
  {
    name: 'deny outside the office: an outside address is denied',
    rules: [allowAll, { name: 'outside', effect: 'DENY', notIpRanges: ['192.0.2.0/24'] }],
    request: from('198.51.100.1'),
    expected: deny('outside'),
  },
  {
    name: 'deny outside the office: an office address is allowed',
    rules: [allowAll, { name: 'outside', effect: 'DENY', notIpRanges: ['192.0.2.0/24'] }],
    request: from('192.0.2.1'),
    expected: allow('default'),
  },
  {
    name: 'an unknown address is outside every range',
    rules: [allowAll, { name: 'outside', effect: 'DENY', notIpRanges: ['0.0.0.0/0'] }, { name: 'inside', effect: 'DENY', ipRanges: ['0.0.0.0/0'] }],
    request: from(null),
    expected: deny('outside'),
  },
  {
    name: 'ranges and exclusions together',
    rules: [{ name: 'lan', effect: 'ALLOW', ipRanges: ['10.0.0.0/8'], notIpRanges: ['10.66.0.0/16'] }],
    request: from('10.66.1.1'),
    expected: deny(),
  },
  // Actions and NotActions
  { name: 'an action listed matches', rules: [{ name: 'r', effect: 'ALLOW', actions: ['IMAP', 'SMTP'] }], request: from('192.0.2.1', 'SMTP'), expected: allow('r') },
  { name: 'an action not listed does not', rules: [{ name: 'r', effect: 'ALLOW', actions: ['IMAP', 'SMTP'] }], request: from('192.0.2.1', 'WebMail'), expected: deny() },
  { name: 'actions compare exactly', rules: [{ name: 'r', effect: 'ALLOW', actions: ['IMAP'] }], request: from('192.0.2.1', 'imap'), expected: deny() },
  {
    name: 'every action but the portal',
    rules: [allowAll, { name: 'only-portal', effect: 'DENY', notActions: ['WebMail'] }],
    request: from('192.0.2.1', 'ActiveSync'),
    expected: deny('only-portal'),
  },
  {
    name: 'the portal is excepted',
    rules: [allowAll, { name: 'only-portal', effect: 'DENY', notActions: ['WebMail'] }],
    request: from('192.0.2.1', 'WebMail'),
    expected: allow('default'),
  },
  // UserIds and NotUserIds
  { name: 'a user listed matches', rules: [allowAll, { name: 'r', effect: 'DENY', userIds: [BOB, ADA] }], request: from('192.0.2.1'), expected: deny('r') },
  { name: 'user ids compare without case', rules: [allowAll, { name: 'r', effect: 'DENY', userIds: [ADA.toUpperCase()] }], request: from('192.0.2.1'), expected: deny('r') },
  { name: 'a user not listed does not', rules: [allowAll, { name: 'r', effect: 'DENY', userIds: [BOB] }], request: from('192.0.2.1'), expected: allow('default') },
  {
    name: 'everyone but the excepted users',
    rules: [allowAll, { name: 'r', effect: 'DENY', notUserIds: [ADA] }],
    request: from('192.0.2.1', 'IMAP', BOB),
    expected: deny('r'),
  },
  { name: 'an excepted user', rules: [allowAll, { name: 'r', effect: 'DENY', notUserIds: [ADA] }], request: from('192.0.2.1'), expected: allow('default') },
  // Every condition must hold
  {
    name: 'all conditions hold',
    rules: [allowAll, { name: 'r', effect: 'DENY', ipRanges: ['192.0.2.0/24'], actions: ['IMAP'], userIds: [ADA] }],
    request: from('192.0.2.9'),
    expected: deny('r'),
  },
  {
    name: 'one condition fails: no match',
    rules: [allowAll, { name: 'r', effect: 'DENY', ipRanges: ['192.0.2.0/24'], actions: ['IMAP'], userIds: [BOB] }],
    request: from('192.0.2.9'),
    expected: allow('default'),
  },
  {
    name: 'restricted to the office, not matched elsewhere',
    rules: [{ name: 'office-only', effect: 'ALLOW', ipRanges: ['192.0.2.0/24'] }],
    request: from('203.0.113.1', 'WebMail'),
    expected: deny(),
  },
];
