import { refusal, type Refusal } from '../errors/refusal.ts';
import type { AccessControlRuleFields } from './schemas.ts';

/** WorkMail's quota of access control rules per organization. */
export const MAX_ACCESS_CONTROL_RULES = 20;

/** Why a rule named `name` may not be put into an organization holding `existingNames`; replacing one is always allowed. */
export function accessRuleLimitRefusal(existingNames: readonly string[], name: string): Refusal | null {
  if (existingNames.includes(name) || existingNames.length < MAX_ACCESS_CONTROL_RULES) return null;
  return refusal(
    'ACCESS_RULE.LIMIT_REACHED',
    `An organization has at most ${MAX_ACCESS_CONTROL_RULES} access control rules: replace or delete one first.`,
    { field: 'name', limit: MAX_ACCESS_CONTROL_RULES },
  );
}

/** The rule every organization starts with, as WorkMail's: it allows every user, by every protocol, from anywhere. */
export const DEFAULT_ACCESS_RULE: AccessControlRuleFields = {
  name: 'default',
  effect: 'ALLOW',
  description: 'Default rule: allows every user, protocol and address',
  ipRanges: [],
  notIpRanges: [],
  actions: [],
  notActions: [],
  userIds: [],
  notUserIds: [],
};
