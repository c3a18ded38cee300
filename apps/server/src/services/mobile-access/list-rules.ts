import type { ListMobileDeviceAccessRulesInput, MobileDeviceAccessRule } from '@mailyard/core/mobile-access';
import type { Db } from '@mailyard/db';
import { listMobileDeviceAccessRules } from '@mailyard/db/queries/mobile-access';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';

/** The organization's rules, oldest first (at most 10). */
export async function listRules(db: Db, actor: OperatorActor, input: ListMobileDeviceAccessRulesInput): Promise<MobileDeviceAccessRule[]> {
  const org = await requireOrganization(db, actor, input.organizationId);
  return listMobileDeviceAccessRules(db, org.id);
}
