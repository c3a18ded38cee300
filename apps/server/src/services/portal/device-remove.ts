import type { OwnDeviceInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { deleteDevice } from '@mailyard/db/queries/devices';
import type { Deps } from '../../deps.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireDevice } from '../devices/access.ts';
import { lockOwnAccount } from './account.ts';
import { ownDevice } from './my-devices.ts';
import { userTarget } from './session.ts';

/** Removes a device from the list (it reappears if it syncs again), as the console's Remove. */
export async function removeMyDevice(deps: Deps, actor: UserActor, input: OwnDeviceInput): Promise<{ deviceId: string }> {
  const now = deps.clock();
  const key = ownDevice(actor, input);
  return inTransaction(deps.db, async (tx) => {
    await lockOwnAccount(tx, actor);
    const removed = (await deleteDevice(tx, key)) ?? (await requireDevice(tx, key));
    await recordAudit(tx, actor, { action: 'device.remove', target: userTarget(actor), before: removed }, now);
    return { deviceId: key.deviceId };
  });
}
