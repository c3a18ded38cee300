import type { MobileDeviceAccessOverrideRef } from '@mailyard/core/mobile-access';
import { inTransaction } from '@mailyard/db';
import { deleteMobileDeviceAccessOverride as removeOverride } from '@mailyard/db/queries/mobile-access';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { overrideFrame } from './overrides.ts';

/**
 * Removes the override of a user and device, so the rules decide again (WorkMail's DeleteMobileDeviceAccessOverride).
 * As in WorkMail, an override that is not there is no error; nothing is then audited.
 */
export async function deleteMobileDeviceAccessOverride(deps: Deps, actor: OperatorActor, ref: MobileDeviceAccessOverrideRef): Promise<{ deleted: boolean }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const { key, audit } = await overrideFrame(tx, actor, ref);
    const removed = await removeOverride(tx, key);
    if (removed) {
      await recordAudit(
        tx,
        actor,
        { ...audit, action: 'mobile_access.override_delete', before: { deviceId: key.deviceId, effect: removed.effect, description: removed.description } },
        now,
      );
    }
    return { deleted: removed !== null };
  });
}
