import { AccessControlRuleFields, type AccessControlRule, type AccessAction } from '@mailyard/core/access-control';
import type { FieldErrors, Resolver } from 'react-hook-form';

/** The dialog's values: ranges are typed one per line; users are chosen from the organization's. */
export interface RuleFormValues {
  name: string;
  effect: 'ALLOW' | 'DENY';
  description: string;
  ipRanges: string;
  notIpRanges: string;
  actions: AccessAction[];
  notActions: AccessAction[];
  userIds: string[];
  notUserIds: string[];
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export const toRule = (v: RuleFormValues) => ({ ...v, ipRanges: lines(v.ipRanges), notIpRanges: lines(v.notIpRanges) });

export const formValues = (rule: AccessControlRule | null): RuleFormValues => ({
  name: rule?.name ?? '',
  effect: rule?.effect ?? 'DENY',
  description: rule?.description ?? '',
  ipRanges: rule?.ipRanges.join('\n') ?? '',
  notIpRanges: rule?.notIpRanges.join('\n') ?? '',
  actions: rule?.actions ?? [],
  notActions: rule?.notActions ?? [],
  userIds: rule?.userIds ?? [],
  notUserIds: rule?.notUserIds ?? [],
});

/** A field of the rule as the form shows it: a range's error belongs to its box, naming the line. */
export function formField(path: string): keyof RuleFormValues | undefined {
  const [field] = path.split('.');
  return field && field in formValues(null) ? (field as keyof RuleFormValues) : undefined;
}

export function fieldMessage(path: string, message: string): string {
  const [field, index] = path.split('.');
  return (field === 'ipRanges' || field === 'notIpRanges') && index !== undefined ? `Line ${Number(index) + 1}: ${message}` : message;
}

/** Core's rule schema, run on the form's values: the same checks the server makes, shown beside each field. */
export const ruleResolver: Resolver<RuleFormValues> = async (values) => {
  const parsed = AccessControlRuleFields.safeParse(toRule(values));
  if (parsed.success) return { values, errors: {} };
  const errors: FieldErrors<RuleFormValues> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    const field = formField(path);
    if (field && !errors[field]) errors[field] = { type: 'validate', message: fieldMessage(path, issue.message) };
  }
  return { values: {}, errors };
};
