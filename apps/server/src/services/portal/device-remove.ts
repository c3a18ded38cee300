import type { OwnDeviceInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import type { Deps } from '../../deps.ts';
import type { UserActor } from '../actor.ts';
import { dropDevice } from '../devices/remove.ts';
import { lockOwnAccount } from './account.ts';
import { ownDevice } from './my-devices.ts';
import { userTarget } from './session.ts';

/** Removes one of the user's devices from the list (it reappears if it syncs again), as the console's Remove. */
export async function removeMyDevice(deps: Deps, actor: UserActor, input: OwnDeviceInput): Promise<{ deviceId: string }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    await lockOwnAccount(tx, actor);
    return dropDevice(tx, actor, ownDevice(actor, input), { target: userTarget(actor) }, now);
  });
}
