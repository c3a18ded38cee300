import { z } from 'zod';
import { refusal, type Refusal } from '../errors/refusal.ts';
import { text } from '../text/well-formed.ts';

/**
 * Mobile device access rules, as WorkMail defines them: each rule has an effect (ALLOW or DENY) and conditions on
 * what an ActiveSync device reports about itself — its type, model, operating system and user agent — each as a list
 * of values it must match (`deviceTypes`) or must not match (`notDeviceTypes`). WorkMail allows 10 rules per
 * organization, and ListMobileDeviceAccessRules returns them all in one answer.
 */
export const MAX_MOBILE_DEVICE_ACCESS_RULES = 10;
/** Values per condition, and the length of each value (WorkMail's DeviceTypeList and DeviceType). */
export const MAX_CONDITION_VALUES = 10;
export const MAX_CONDITION_VALUE_LENGTH = 256;
export const MAX_RULE_NAME_LENGTH = 64;
export const MAX_DESCRIPTION_LENGTH = 256;

/** A condition value that matches a device that reports nothing for the property (WorkMail's "Dealing with empty fields"). */
export const NONE = '$NONE';

export const mobileAccessEffects = ['ALLOW', 'DENY'] as const;
export type MobileAccessEffect = (typeof mobileAccessEffects)[number];
export const mobileAccessEffect = z.enum(mobileAccessEffects, { error: 'Effect must be ALLOW or DENY.' });

/** The four device properties a rule looks at, each with its label as the console shows it. */
export const deviceProperties = [
  { key: 'deviceTypes', not: 'notDeviceTypes', label: 'Device types', reported: 'deviceType' },
  { key: 'deviceModels', not: 'notDeviceModels', label: 'Device models', reported: 'deviceModel' },
  { key: 'deviceOperatingSystems', not: 'notDeviceOperatingSystems', label: 'Operating systems', reported: 'deviceOperatingSystem' },
  { key: 'deviceUserAgents', not: 'notDeviceUserAgents', label: 'User agents', reported: 'deviceUserAgent' },
] as const;

export type ConditionKey = (typeof deviceProperties)[number]['key'] | (typeof deviceProperties)[number]['not'];
export const conditionKeys: readonly ConditionKey[] = deviceProperties.flatMap((p) => [p.key, p.not]);

/** Characters WorkMail accepts in a condition value and a reported property: Latin-1, no control characters. */
const LATIN1_PRINTABLE = /^[\u0020-\u00FF]+$/;

export const deviceProperty = (label: string) =>
  text()
    .min(1, `${label} must not be empty.`)
    .max(MAX_CONDITION_VALUE_LENGTH, `${label} must be at most ${MAX_CONDITION_VALUE_LENGTH} characters.`)
    .regex(LATIN1_PRINTABLE, `${label} may contain only printable Latin-1 characters (U+0020 to U+00FF).`);

/** One condition: empty means the rule does not look at that property. */
const condition = (label: string) =>
  z
    .array(deviceProperty('Each value'))
    .max(MAX_CONDITION_VALUES, `${label}: at most ${MAX_CONDITION_VALUES} values.`)
    .default([]);

export const MobileDeviceAccessConditions = z.object(
  Object.fromEntries(deviceProperties.flatMap((p) => [[p.key, condition(p.label)], [p.not, condition(`Not ${p.label.toLowerCase()}`)]])) as Record<
    ConditionKey,
    ReturnType<typeof condition>
  >,
);
export type MobileDeviceAccessConditions = z.infer<typeof MobileDeviceAccessConditions>;

export const ruleName = text()
  .min(1, 'Enter a rule name.')
  .max(MAX_RULE_NAME_LENGTH, `A rule name has at most ${MAX_RULE_NAME_LENGTH} characters.`)
  .refine((s) => s.trim() !== '', 'Enter a rule name.');

/** A rule's or an override's description; blank means none. */
export const accessDescription = text()
  .max(MAX_DESCRIPTION_LENGTH, `A description has at most ${MAX_DESCRIPTION_LENGTH} characters.`)
  .transform((s) => (s.trim() === '' ? null : s))
  .nullish()
  .transform((s) => s ?? null);

/** What an operator writes for a rule: the create and edit dialog, CreateMobileDeviceAccessRule and UpdateMobileDeviceAccessRule. */
export const MobileDeviceAccessRuleFields = z.object({
  name: ruleName,
  description: accessDescription,
  effect: mobileAccessEffect,
  conditions: MobileDeviceAccessConditions,
});
export type MobileDeviceAccessRuleFields = z.infer<typeof MobileDeviceAccessRuleFields>;

/** Why the organization may not have one more rule, or `null`. */
export function ruleLimitRefusal(existing: number): Refusal | null {
  return existing >= MAX_MOBILE_DEVICE_ACCESS_RULES
    ? refusal(
        'MOBILE_ACCESS.RULE_LIMIT_REACHED',
        `An organization has at most ${MAX_MOBILE_DEVICE_ACCESS_RULES} mobile device access rules: delete or edit one instead.`,
        { limit: MAX_MOBILE_DEVICE_ACCESS_RULES },
      )
    : null;
}

/**
 * The rule every organization starts with, as in WorkMail: it allows any device. Without any rule that allows, every
 * device is blocked — so deleting this one without a replacement blocks them all, as WorkMail warns.
 */
export const DEFAULT_RULE: MobileDeviceAccessRuleFields = {
  name: 'DefaultAllowAll',
  description: 'Allows every mobile device. Created with the organization.',
  effect: 'ALLOW',
  conditions: MobileDeviceAccessConditions.parse({}),
};
