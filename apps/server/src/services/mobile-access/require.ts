import { fail } from '@mailyard/core/errors';
import type { MobileDeviceAccessRule } from '@mailyard/core/mobile-access';
import type { Db } from '@mailyard/db';
import { findMobileDeviceAccessRule } from '@mailyard/db/queries/mobile-access';

export async function requireMobileDeviceAccessRule(db: Db, organizationId: string, ruleId: string, lock = false): Promise<MobileDeviceAccessRule> {
  const rule = await findMobileDeviceAccessRule(db, organizationId, ruleId, lock);
  if (!rule) fail('MOBILE_ACCESS.RULE_NOT_FOUND', `Mobile device access rule ${ruleId} was not found in this organization.`, { field: 'ruleId' });
  return rule;
}

/** The audit target of a change to a rule. */
export const ruleTarget = (rule: { id: string; name: string }) => ({ type: 'mobile_access_rule', id: rule.id, label: rule.name });

/** What an audit event keeps of a rule. */
export const ruleFacts = (rule: Pick<MobileDeviceAccessRule, 'name' | 'description' | 'effect' | 'conditions'>) => ({
  name: rule.name,
  description: rule.description,
  effect: rule.effect,
  conditions: rule.conditions,
});
