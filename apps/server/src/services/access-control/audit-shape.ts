import type { AccessControlRuleFields } from '@mailyard/core/access-control';

/** The audit target of a change to a rule: rules are known by their name. */
export const ruleTarget = (name: string) => ({ type: 'access_rule', id: name, label: name });

/** A rule as its audit event records it: its content, without timestamps. */
export const ruleContent = ({ name: _name, ...content }: AccessControlRuleFields) => ({
  effect: content.effect,
  description: content.description,
  ipRanges: content.ipRanges,
  notIpRanges: content.notIpRanges,
  actions: content.actions,
  notActions: content.notActions,
  userIds: content.userIds,
  notUserIds: content.notUserIds,
});
