import { refusal, type Refusal } from '../errors/refusal.ts';
import { clientIp, inRange, parseCidr, type IpAddress } from './ip.ts';
import type { AccessEffect } from './models.ts';
import type { AccessControlRuleFields } from './schemas.ts';

/** The conditions and effect of a rule: what evaluation reads. */
export type RuleConditions = Omit<AccessControlRuleFields, 'description'>;

/** Someone reaching Mailyard: which user, by which action (protocol), from which address (`null`: unknown). */
export interface AccessRequest {
  userId: string;
  action: string;
  ip: string | null;
}

/** An unknown address lies in no range: a rule on `ipRanges` does not match it, a rule on `notIpRanges` does. */
const inAnyRange = (ip: IpAddress | null, ranges: readonly string[]) =>
  ip !== null &&
  ranges.some((r) => {
    const range = parseCidr(r);
    return range !== null && inRange(ip, range);
  });

/** A rule matches when every condition it sets holds; a rule that sets none matches everyone. */
export function ruleMatches(rule: RuleConditions, request: AccessRequest): boolean {
  const ip = request.ip === null ? null : clientIp(request.ip);
  const userId = request.userId.toLowerCase();
  const hasUser = (ids: readonly string[]) => ids.some((id) => id.toLowerCase() === userId);
  return (
    (rule.ipRanges.length === 0 || inAnyRange(ip, rule.ipRanges)) &&
    (rule.notIpRanges.length === 0 || !inAnyRange(ip, rule.notIpRanges)) &&
    (rule.actions.length === 0 || rule.actions.includes(request.action as never)) &&
    (rule.notActions.length === 0 || !rule.notActions.includes(request.action as never)) &&
    (rule.userIds.length === 0 || hasUser(rule.userIds)) &&
    (rule.notUserIds.length === 0 || !hasUser(rule.notUserIds))
  );
}

/**
 * WorkMail's evaluation: a matching DENY rule wins over any ALLOW; otherwise a matching ALLOW rule grants access;
 * otherwise access is denied. Every organization starts with the `default` rule, which allows everything, so an
 * organization allows everyone until its operators restrict it — and deleting every ALLOW rule locks everyone out, as
 * in WorkMail. `matchedRules` names the rules that decided: the matching DENY rules, else the matching ALLOW rules.
 */
export function evaluateAccess(rules: readonly RuleConditions[], request: AccessRequest): AccessEffect {
  const matched = rules.filter((r) => ruleMatches(r, request));
  const denying = matched.filter((r) => r.effect === 'DENY');
  if (denying.length > 0) return { effect: 'DENY', matchedRules: denying.map((r) => r.name) };
  return matched.length > 0 ? { effect: 'ALLOW', matchedRules: matched.map((r) => r.name) } : { effect: 'DENY', matchedRules: [] };
}

export const ACCESS_DENIED_MESSAGE = "Access was refused by your organization's access rules. Ask your administrator.";

/** The refusal a denied sign-in gets: it names no rule, so a caller learns nothing of how they are written. */
export const accessDeniedRefusal = (effect: AccessEffect): Refusal | null =>
  effect.effect === 'DENY' ? refusal('ACCESS.DENIED_BY_RULES', ACCESS_DENIED_MESSAGE) : null;
