import { wipeStatusAfter, type DeviceRef, type DeviceView } from '@mailyard/core/devices';
import type { Db } from '@mailyard/db';
import { updateDevice, type DeviceKey } from '@mailyard/db/queries/devices';
import type { Deps } from '../../deps.ts';
import type { Actor, OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { changeUserDevice, requireDevice, type DeviceAudit } from './require.ts';

/**
 * A person's wipe decision on one device, in the caller's transaction: ask for a wipe, or withdraw it before the device
 * was told. Shared by the console (operators) and the portal (the user, for a lost phone).
 */
export async function decideWipe(
  tx: Db,
  actor: Actor,
  key: DeviceKey,
  event: 'request' | 'cancel',
  audit: DeviceAudit,
  now: Date,
): Promise<DeviceView> {
  const device = await requireDevice(tx, key, true);
  const wipeStatus = wipeStatusAfter(device.wipeStatus, event);
  const patch = { wipeStatus, wipeRequestedAt: event === 'request' ? now : null };
  await updateDevice(tx, key, patch);
  await recordAudit(
    tx,
    actor,
    {
      ...audit,
      action: event === 'request' ? 'device.wipe' : 'device.cancel_wipe',
      before: { deviceId: key.deviceId, wipeStatus: device.wipeStatus },
      after: { deviceId: key.deviceId, wipeStatus },
    },
    now,
  );
  return { ...device, ...patch };
}

/** The console's Wipe and its withdrawal, on a device of a user of an Active organization. */
export const changeWipe = (deps: Deps, actor: OperatorActor, ref: DeviceRef, event: 'request' | 'cancel'): Promise<DeviceView> =>
  changeUserDevice(deps, actor, ref, (tx, key, audit, now) => decideWipe(tx, actor, key, event, audit, now));

/** Wipe: the device is told to erase itself on its next sync (PENDING → SENT → WIPED when it acknowledges). */
export const requestWipe = (deps: Deps, actor: OperatorActor, ref: DeviceRef) => changeWipe(deps, actor, ref, 'request');
