import { evaluateRules, type MobileDeviceAccessEffectInput, type RulesVerdict } from '@mailyard/core/mobile-access';
import type { Db } from '@mailyard/db';
import { listMobileDeviceAccessRules } from '@mailyard/db/queries/mobile-access';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';

/**
 * What the organization's rules decide for a device with these properties (WorkMail's GetMobileDeviceAccessEffect,
 * the console's Evaluate panel): the same evaluation the sync endpoint applies, without any override.
 */
export async function simulateMobileDeviceAccess(db: Db, actor: OperatorActor, input: MobileDeviceAccessEffectInput): Promise<RulesVerdict> {
  const { organizationId, ...device } = input;
  const org = await requireOrganization(db, actor, organizationId);
  return evaluateRules(await listMobileDeviceAccessRules(db, org.id), device);
}
