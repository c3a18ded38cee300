import { deviceProperties, NONE, type MobileAccessEffect, type MobileDeviceAccessConditions } from './rules.ts';

/** What a device reports about itself; `null`, absent or blank = not reported. */
export interface ReportedDevice {
  deviceType?: string | null;
  deviceModel?: string | null;
  deviceOperatingSystem?: string | null;
  deviceUserAgent?: string | null;
}

export interface EvaluatedRule {
  id: string;
  name: string;
  effect: MobileAccessEffect;
  conditions: MobileDeviceAccessConditions;
}

export interface MatchedRule {
  id: string;
  name: string;
}

/** The rules' verdict on a device and the rules that produced it (GetMobileDeviceAccessEffect's answer). */
export interface RulesVerdict {
  effect: MobileAccessEffect;
  matchedRules: MatchedRule[];
}

export interface OverrideFacts {
  effect: MobileAccessEffect;
  description: string | null;
}

/** The access a known device of a user gets, and why: its override when it has one, else the rules. */
export interface MobileDeviceAccessDecision {
  effect: MobileAccessEffect;
  decidedBy: 'override' | 'rules';
  /** The rules' own verdict, also when an override decides (the console shows both). */
  rules: RulesVerdict;
  override: OverrideFacts | null;
}

const reported = (value: string | null | undefined): string | null => (value == null || value.trim() === '' ? null : value.toLowerCase());
const isNone = (value: string) => value.toUpperCase() === NONE;

/**
 * A positive condition (`deviceTypes`): the reported value starts with one of the values, compared without case
 * (WorkMail: "a case-insensitive prefix match"); `$NONE` matches a device that reports nothing. No values: no condition.
 */
export function matchesCondition(values: readonly string[], value: string | null | undefined): boolean {
  if (values.length === 0) return true;
  const v = reported(value);
  return values.some((c) => (isNone(c) ? v === null : v !== null && v.startsWith(c.toLowerCase())));
}

/**
 * A negative condition (`notDeviceTypes`): the reported value starts with none of the values. A device that reports
 * nothing never matches one (WorkMail: negative conditions "will not match these empty values").
 */
export function matchesNotCondition(values: readonly string[], value: string | null | undefined): boolean {
  if (values.length === 0) return true;
  const v = reported(value);
  return v !== null && !values.some((c) => !isNone(c) && v.startsWith(c.toLowerCase()));
}

/** A rule applies only if every one of its conditions matches; a rule without conditions applies to every device. */
export function ruleMatches(conditions: MobileDeviceAccessConditions, device: ReportedDevice): boolean {
  return deviceProperties.every((p) => matchesCondition(conditions[p.key], device[p.reported]) && matchesNotCondition(conditions[p.not], device[p.reported]));
}

/**
 * WorkMail's evaluation: any matching DENY rule blocks the device (deny wins); otherwise a matching ALLOW rule allows
 * it; a device no rule applies to is blocked. The matched rules are those that produced the effect.
 */
export function evaluateRules(rules: readonly EvaluatedRule[], device: ReportedDevice): RulesVerdict {
  const matching = rules.filter((r) => ruleMatches(r.conditions, device));
  const of = (effect: MobileAccessEffect) => matching.filter((r) => r.effect === effect).map((r) => ({ id: r.id, name: r.name }));
  const denied = of('DENY');
  if (denied.length) return { effect: 'DENY', matchedRules: denied };
  const allowed = of('ALLOW');
  return allowed.length ? { effect: 'ALLOW', matchedRules: allowed } : { effect: 'DENY', matchedRules: [] };
}

/** A user's device: an override for that user and device wins over the rules, whichever way either goes. */
export function decideMobileDeviceAccess(rules: readonly EvaluatedRule[], device: ReportedDevice, override: OverrideFacts | null): MobileDeviceAccessDecision {
  const verdict = evaluateRules(rules, device);
  return override
    ? { effect: override.effect, decidedBy: 'override', rules: verdict, override }
    : { effect: verdict.effect, decidedBy: 'rules', rules: verdict, override: null };
}

/** The sentence the console and a refused device read. */
export function describeDecision(d: MobileDeviceAccessDecision): string {
  const verb = d.effect === 'ALLOW' ? 'allowed' : 'blocked';
  if (d.decidedBy === 'override') return `This device is ${verb} by an override for this user and device.`;
  const names = d.rules.matchedRules.map((r) => `"${r.name}"`);
  if (names.length === 0) return 'This device is blocked: no mobile device access rule of the organization allows it.';
  return `This device is ${verb} by the mobile device access rule${names.length > 1 ? 's' : ''} ${names.join(', ')}.`;
}
