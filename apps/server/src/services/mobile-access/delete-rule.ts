import type { MobileDeviceAccessRuleRef } from '@mailyard/core/mobile-access';
import { inTransaction } from '@mailyard/db';
import { deleteMobileDeviceAccessRule as removeRule } from '@mailyard/db/queries/mobile-access';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { ruleFacts, ruleTarget } from './require.ts';

/**
 * Deletes a rule (WorkMail's DeleteMobileDeviceAccessRule). As in WorkMail, a rule that is not there (deleted already)
 * is no error; nothing is then audited. Deleting the last rule that allows blocks every device without an override.
 */
export async function deleteMobileDeviceAccessRule(deps: Deps, actor: OperatorActor, input: MobileDeviceAccessRuleRef): Promise<{ deleted: boolean }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const removed = await removeRule(tx, org.id, input.ruleId);
    if (removed) {
      await recordAudit(tx, actor, { action: 'mobile_access.rule_delete', organizationId: org.id, target: ruleTarget(removed), before: ruleFacts(removed) }, now);
    }
    return { deleted: removed !== null };
  });
}
