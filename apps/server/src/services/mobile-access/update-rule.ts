import type { UpdateMobileDeviceAccessRuleInput } from '@mailyard/core/mobile-access';
import { inTransaction } from '@mailyard/db';
import { updateMobileDeviceAccessRule as writeRule } from '@mailyard/db/queries/mobile-access';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { requireMobileDeviceAccessRule, ruleFacts, ruleTarget } from './require.ts';

/** Replaces a rule's name, description, effect and conditions (WorkMail's UpdateMobileDeviceAccessRule). */
export async function updateMobileDeviceAccessRule(deps: Deps, actor: OperatorActor, input: UpdateMobileDeviceAccessRuleInput): Promise<void> {
  const now = deps.clock();
  const { organizationId, ruleId, ...fields } = input;
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, organizationId);
    const before = await requireMobileDeviceAccessRule(tx, org.id, ruleId, true);
    await writeRule(tx, org.id, ruleId, fields, now);
    await recordAudit(
      tx,
      actor,
      { action: 'mobile_access.rule_update', organizationId: org.id, target: ruleTarget({ id: ruleId, name: fields.name }), before: ruleFacts(before), after: ruleFacts(fields) },
      now,
    );
  });
}
