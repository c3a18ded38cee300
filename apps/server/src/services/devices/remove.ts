import type { DeviceRef } from '@mailyard/core/devices';
import type { Db } from '@mailyard/db';
import { deleteDevice, type DeviceKey } from '@mailyard/db/queries/devices';
import type { Deps } from '../../deps.ts';
import type { Actor, OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { changeUserDevice, requireDevice, type DeviceAudit } from './require.ts';

/**
 * Removes one device, in the caller's transaction, and records it. Shared by the console (operators) and the portal
 * (the user). The device is not blocked: when it syncs again it reappears as a new device (as the seed says), which
 * is also how a wiped device is let back in.
 */
export async function dropDevice(
  tx: Db,
  actor: Actor,
  key: DeviceKey,
  audit: DeviceAudit,
  now: Date,
): Promise<{ deviceId: string }> {
  const removed = (await deleteDevice(tx, key)) ?? (await requireDevice(tx, key));
  await recordAudit(tx, actor, { ...audit, action: 'device.remove', before: removed }, now);
  return { deviceId: key.deviceId };
}

/** The console's Remove, on a device of a user of an Active organization. */
export const removeDevice = (deps: Deps, actor: OperatorActor, ref: DeviceRef): Promise<{ deviceId: string }> =>
  changeUserDevice(deps, actor, ref, (tx, key, audit, now) => dropDevice(tx, actor, key, audit, now));
