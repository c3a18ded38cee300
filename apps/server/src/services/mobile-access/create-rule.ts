import { randomUUID } from 'node:crypto';
import { fail, failIf } from '@mailyard/core/errors';
import { ruleLimitRefusal, type CreateMobileDeviceAccessRuleInput } from '@mailyard/core/mobile-access';
import { inTransaction, violatedUniqueConstraint } from '@mailyard/db';
import {
  countMobileDeviceAccessRules,
  findMobileDeviceAccessRuleByClientToken,
  insertMobileDeviceAccessRule,
} from '@mailyard/db/queries/mobile-access';
import { lockOrganizationLimits } from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { ruleFacts, ruleTarget } from './require.ts';

/**
 * Adds a rule to an Active organization (WorkMail's CreateMobileDeviceAccessRule). The organization's limits are
 * locked before counting, so two requests at once cannot pass the 10-rule limit together. A retried request with the
 * same client token returns the first request's rule.
 */
export async function createMobileDeviceAccessRule(deps: Deps, actor: OperatorActor, input: CreateMobileDeviceAccessRuleInput): Promise<{ ruleId: string }> {
  const now = deps.clock();
  const { organizationId, clientToken = null, ...fields } = input;
  const create = () =>
    inTransaction(deps.db, async (tx) => {
      const org = await requireActiveOrganization(tx, actor, organizationId);
      await lockOrganizationLimits(tx, org.id);
      if (clientToken) {
        const earlier = await findMobileDeviceAccessRuleByClientToken(tx, org.id, clientToken);
        if (earlier && (earlier.name !== fields.name || earlier.effect !== fields.effect)) {
          fail('VALIDATION', 'This client token was already used to create a different rule.', { field: 'clientToken' });
        }
        if (earlier) return { ruleId: earlier.id };
      }
      failIf(ruleLimitRefusal(await countMobileDeviceAccessRules(tx, org.id)));
      const id = randomUUID();
      await insertMobileDeviceAccessRule(tx, { ...fields, organizationId: org.id, id, clientToken, at: now });
      await recordAudit(tx, actor, { action: 'mobile_access.rule_create', organizationId: org.id, target: ruleTarget({ id, name: fields.name }), after: ruleFacts(fields) }, now);
      return { ruleId: id };
    });
  try {
    return await create();
  } catch (error) {
    // The same token raced itself (the limits lock makes this rare): the retry answers as a replay.
    if (violatedUniqueConstraint(error) !== 'mobile_device_access_rules_client_token_key') throw error;
    return create();
  }
}
