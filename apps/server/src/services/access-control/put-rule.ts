import { accessRuleLimitRefusal, type PutAccessControlRuleInput } from '@mailyard/core/access-control';
import { failIf } from '@mailyard/core/errors';
import { inTransaction } from '@mailyard/db';
import { listAccessControlRules, upsertAccessControlRule } from '@mailyard/db/queries/access-control-rules';
import { lockOrganizationLimits } from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { requireUser } from '../users/require.ts';
import { ruleContent, ruleTarget } from './audit-shape.ts';

/**
 * Adds an access control rule to an Active organization, or replaces its rule of the same name (WorkMail's
 * PutAccessControlRule). The users a rule names must be the organization's. The organization's limits are locked
 * while the rules are counted, so two requests at once cannot together pass the limit of 20.
 */
export async function putAccessControlRule(deps: Deps, actor: OperatorActor, input: PutAccessControlRuleInput): Promise<void> {
  const now = deps.clock();
  const { organizationId, ...rule } = input;
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, organizationId);
    await lockOrganizationLimits(tx, org.id);
    const existing = await listAccessControlRules(tx, org.id);
    failIf(accessRuleLimitRefusal(existing.map((r) => r.name), rule.name));
    for (const field of ['userIds', 'notUserIds'] as const) {
      for (const [i, userId] of rule[field].entries()) await requireUser(tx, org.id, userId, { field: `${field}.${i}` });
    }
    await upsertAccessControlRule(tx, org.id, rule, now);
    const replaced = existing.find((r) => r.name === rule.name);
    await recordAudit(
      tx,
      actor,
      {
        action: replaced ? 'access_rule.update' : 'access_rule.create',
        organizationId: org.id,
        target: ruleTarget(rule.name),
        ...(replaced ? { before: ruleContent(replaced) } : {}),
        after: ruleContent(rule),
      },
      now,
    );
  });
}
