import { z } from 'zod';
import { entityId } from '../entities/ids.ts';
import { organizationId } from '../organizations/ids.ts';
import { text } from '../text/well-formed.ts';
import { parseCidr, parseIp } from './ip.ts';

/**
 * WorkMail's access protocol actions. Mailyard enforces four of them where it authenticates (see
 * `ENFORCED_ACCESS_ACTIONS`); the others name clients it does not serve, and rules on them are kept and evaluated.
 */
export const ACCESS_ACTIONS = ['ActiveSync', 'AutoDiscover', 'EWS', 'IMAP', 'SMTP', 'WindowsOutlook', 'WebMail'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** Where Mailyard asks the rules, by action. */
export const ENFORCED_ACCESS_ACTIONS: Partial<Record<AccessAction, string>> = {
  WebMail: 'the self-service portal',
  ActiveSync: 'the device sync endpoint',
  IMAP: 'IMAP sign-in (Dovecot)',
  SMTP: 'authenticated SMTP submission (SASL through Dovecot)',
};

export const ACCESS_EFFECTS = ['ALLOW', 'DENY'] as const;
export type AccessEffectName = (typeof ACCESS_EFFECTS)[number];

/** WorkMail's limits on one rule. */
export const ACCESS_RULE_LIMITS = { name: 64, description: 255, ipRanges: 1024, actions: 10, userIds: 10 } as const;

export const accessRuleName = text()
  .min(1, 'Enter a rule name.')
  .max(ACCESS_RULE_LIMITS.name, `A rule name has at most ${ACCESS_RULE_LIMITS.name} characters.`)
  .regex(/^[a-zA-Z0-9_-]*$/, 'A rule name may contain only letters, digits, hyphens and underscores.');

export const accessRuleDescription = text()
  .max(ACCESS_RULE_LIMITS.description, `A description has at most ${ACCESS_RULE_LIMITS.description} characters.`)
  .regex(/^[\u0020-\u00FF]*$/, 'A description may contain only Latin-1 characters, without line breaks.');

export const accessEffect = z.enum(ACCESS_EFFECTS, { error: 'Effect must be ALLOW or DENY.' });

export const accessAction = z.enum(ACCESS_ACTIONS, { error: `Action must be one of ${ACCESS_ACTIONS.join(', ')}.` });

export const ipRange = text().refine((s) => parseCidr(s) !== null, 'Enter an IPv4 or IPv6 range in CIDR form, such as 192.0.2.0/24 or 2001:db8::/32.');

export const ipAddress = text().refine((s) => parseIp(s) !== null, 'Enter an IPv4 or IPv6 address, such as 192.0.2.10.');

const ranges = z.array(ipRange).max(ACCESS_RULE_LIMITS.ipRanges, `Give at most ${ACCESS_RULE_LIMITS.ipRanges} ranges.`);
const actions = z.array(accessAction).max(ACCESS_RULE_LIMITS.actions, `Give at most ${ACCESS_RULE_LIMITS.actions} actions.`);
const userIds = z.array(entityId).max(ACCESS_RULE_LIMITS.userIds, `Give at most ${ACCESS_RULE_LIMITS.userIds} users.`);

/**
 * A rule's content. An empty list sets no condition; every condition given must hold for the rule to match (an
 * address in `ipRanges` and in none of `notIpRanges`, and so on).
 */
export const AccessControlRuleFields = z.object({
  name: accessRuleName,
  effect: accessEffect,
  description: accessRuleDescription.default(''),
  ipRanges: ranges.default([]),
  notIpRanges: ranges.default([]),
  actions: actions.default([]),
  notActions: actions.default([]),
  userIds: userIds.default([]),
  notUserIds: userIds.default([]),
});
export type AccessControlRuleFields = z.infer<typeof AccessControlRuleFields>;

/** Creates the rule, or replaces the organization's rule of the same name (WorkMail's PutAccessControlRule). */
export const PutAccessControlRuleInput = AccessControlRuleFields.extend({ organizationId });
export type PutAccessControlRuleInput = z.infer<typeof PutAccessControlRuleInput>;

/** A name the organization has no rule of is no error, as in WorkMail. */
export const DeleteAccessControlRuleInput = z.object({ organizationId, name: accessRuleName });
export type DeleteAccessControlRuleInput = z.infer<typeof DeleteAccessControlRuleInput>;

/** What the rules decide for one user reaching Mailyard by `action` from `ipAddress` (WorkMail's GetAccessControlEffect). */
export const GetAccessControlEffectInput = z.object({ organizationId, ipAddress, action: accessAction, userId: entityId });
export type GetAccessControlEffectInput = z.infer<typeof GetAccessControlEffectInput>;
