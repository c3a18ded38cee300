import { wipeStatusAfter, type DeviceView } from '@mailyard/core/devices';
import type { OwnDeviceInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { updateDevice } from '@mailyard/db/queries/devices';
import type { Deps } from '../../deps.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireDevice } from '../devices/access.ts';
import { lockOwnAccount } from './account.ts';
import { ownDevice } from './my-devices.ts';
import { userTarget } from './session.ts';

/**
 * The user asks a lost device to erase itself on its next sync (the portal confirms first), or withdraws that
 * before the device was told. The same wipe states as the console's.
 */
export async function changeMyDeviceWipe(deps: Deps, actor: UserActor, input: OwnDeviceInput, event: 'request' | 'cancel'): Promise<DeviceView> {
  const now = deps.clock();
  const key = ownDevice(actor, input);
  return inTransaction(deps.db, async (tx) => {
    await lockOwnAccount(tx, actor);
    const device = await requireDevice(tx, key, true);
    const wipeStatus = wipeStatusAfter(device.wipeStatus, event);
    const patch = { wipeStatus, wipeRequestedAt: event === 'request' ? now : null };
    await updateDevice(tx, key, patch);
    await recordAudit(
      tx,
      actor,
      {
        action: event === 'request' ? 'device.wipe' : 'device.cancel_wipe',
        target: userTarget(actor),
        before: { deviceId: key.deviceId, wipeStatus: device.wipeStatus },
        after: { deviceId: key.deviceId, wipeStatus },
      },
      now,
    );
    return { ...device, ...patch };
  });
}
