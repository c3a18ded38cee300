import type { DeleteAccessControlRuleInput } from '@mailyard/core/access-control';
import { inTransaction } from '@mailyard/db';
import { deleteAccessControlRule as deleteRule } from '@mailyard/db/queries/access-control-rules';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { ruleContent, ruleTarget } from './audit-shape.ts';

/**
 * Deletes the organization's rule of this name; a name it has no rule of changes nothing and is no error, as in
 * WorkMail. Deleting the last rule that allows leaves access denied to everyone, as in WorkMail (the console warns).
 */
export async function deleteAccessControlRule(deps: Deps, actor: OperatorActor, input: DeleteAccessControlRuleInput): Promise<void> {
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const deleted = await deleteRule(tx, org.id, input.name);
    if (!deleted) return;
    await recordAudit(tx, actor, { action: 'access_rule.delete', organizationId: org.id, target: ruleTarget(input.name), before: ruleContent(deleted) }, now);
  });
}
