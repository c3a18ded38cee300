import type { DeviceView } from '@mailyard/core/devices';
import type { OwnDeviceInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import type { Deps } from '../../deps.ts';
import type { UserActor } from '../actor.ts';
import { decideWipe } from '../devices/wipe.ts';
import { lockOwnAccount } from './account.ts';
import { ownDevice } from './my-devices.ts';
import { userTarget } from './session.ts';

/**
 * The user asks a lost device to erase itself on its next sync (the portal confirms first), or withdraws that
 * before the device was told: the console's wipe decision, on the user's own device.
 */
export async function changeMyDeviceWipe(deps: Deps, actor: UserActor, input: OwnDeviceInput, event: 'request' | 'cancel'): Promise<DeviceView> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    await lockOwnAccount(tx, actor);
    return decideWipe(tx, actor, ownDevice(actor, input), event, { target: userTarget(actor) }, now);
  });
}
