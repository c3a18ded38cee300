import type { DeviceRef } from '@mailyard/core/devices';
import { inTransaction } from '@mailyard/db';
import { deleteDevice } from '@mailyard/db/queries/devices';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/access.ts';
import { deviceKey, requireDevice, requireDeviceOwner } from './access.ts';

/**
 * Remove: the device leaves the list. It is not blocked: when it syncs again it reappears as a new device (as the
 * seed says), which is also how a wiped device is let back in.
 */
export async function removeDevice(deps: Deps, actor: OperatorActor, ref: DeviceRef): Promise<{ deviceId: string }> {
  const now = deps.clock();
  const key = deviceKey(ref);
  return inTransaction(deps.db, async (tx) => {
    await requireActiveOrganization(tx, actor, ref.organizationId);
    const owner = await requireDeviceOwner(tx, ref.organizationId, ref.userId);
    const removed = (await deleteDevice(tx, key)) ?? (await requireDevice(tx, key));
    await recordAudit(
      tx,
      actor,
      {
        action: 'device.remove',
        organizationId: ref.organizationId,
        target: { type: 'user', id: ref.userId, label: owner.name },
        before: removed,
      },
      now,
    );
    return { deviceId: key.deviceId };
  });
}
