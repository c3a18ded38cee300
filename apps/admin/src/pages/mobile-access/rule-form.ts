import { z } from 'zod';
import {
  conditionKeys,
  deviceProperty,
  MAX_CONDITION_VALUES,
  MobileDeviceAccessRuleFields,
  type ConditionKey,
  type MobileDeviceAccessRule,
} from '@mailyard/core/mobile-access';
import { text } from '@mailyard/core/text';

/** The values of a condition, one per line; blank lines are ignored. */
const valuesOf = (lines: string) =>
  lines
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * A condition as the dialog edits it: one value per line, each checked by core's rule for a value (the message names
 * its line), at most core's number of values. The whole form then passes core's rule schema unchanged.
 */
const conditionLines = text().superRefine((lines, ctx) => {
  const values = valuesOf(lines);
  if (values.length > MAX_CONDITION_VALUES) ctx.addIssue({ code: 'custom', message: `At most ${MAX_CONDITION_VALUES} values, one per line.` });
  values.forEach((v, i) => {
    const parsed = deviceProperty('The value').safeParse(v);
    if (!parsed.success) ctx.addIssue({ code: 'custom', message: `Line ${i + 1}: ${parsed.error.issues[0]!.message}` });
  });
});

export const RuleForm = MobileDeviceAccessRuleFields.extend({
  description: text(),
  conditions: z.object(Object.fromEntries(conditionKeys.map((k) => [k, conditionLines])) as Record<ConditionKey, typeof conditionLines>),
});
export type RuleForm = z.infer<typeof RuleForm>;

export const emptyRuleForm: RuleForm = {
  name: '',
  description: '',
  effect: 'ALLOW',
  conditions: Object.fromEntries(conditionKeys.map((k) => [k, ''])) as Record<ConditionKey, string>,
};

/** An existing rule as the dialog shows it. */
export const ruleFormOf = (rule: MobileDeviceAccessRule): RuleForm => ({
  name: rule.name,
  description: rule.description ?? '',
  effect: rule.effect,
  conditions: Object.fromEntries(conditionKeys.map((k) => [k, rule.conditions[k].join('\n')])) as Record<ConditionKey, string>,
});

/** What the dialog sends: core's rule fields. */
export const ruleFieldsOf = (form: RuleForm) => ({
  name: form.name,
  description: form.description,
  effect: form.effect,
  conditions: Object.fromEntries(conditionKeys.map((k) => [k, valuesOf(form.conditions[k])])) as Record<ConditionKey, string[]>,
});

/** The server names a value by its place in its list (`conditions.deviceTypes.3`); the dialog has one field per list. */
export const ruleFormField = (serverField: string) => {
  const [head, key] = serverField.split('.');
  if (head === 'conditions' && conditionKeys.includes(key as ConditionKey)) return `conditions.${key as ConditionKey}` as const;
  return (['name', 'description', 'effect'] as const).find((f) => f === head);
};
