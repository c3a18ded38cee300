import type { DeviceRef } from '@mailyard/core/devices';
import { inTransaction, type Db } from '@mailyard/db';
import { deleteDevice, type DeviceKey } from '@mailyard/db/queries/devices';
import type { Deps } from '../../deps.ts';
import type { Actor, OperatorActor } from '../actor.ts';
import { recordAudit, type AuditEntry } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/access.ts';
import { deviceKey, requireDevice, requireDeviceOwner } from './access.ts';

/**
 * Removes one device, in the caller's transaction, and records it. Shared by the console (operators) and the portal
 * (the user). The device is not blocked: when it syncs again it reappears as a new device (as the seed says), which
 * is also how a wiped device is let back in.
 */
export async function dropDevice(
  tx: Db,
  actor: Actor,
  key: DeviceKey,
  audit: Pick<AuditEntry, 'organizationId' | 'target'>,
  now: Date,
): Promise<{ deviceId: string }> {
  const removed = (await deleteDevice(tx, key)) ?? (await requireDevice(tx, key));
  await recordAudit(tx, actor, { ...audit, action: 'device.remove', before: removed }, now);
  return { deviceId: key.deviceId };
}

/** The console's Remove, on a device of a user of an Active organization. */
export async function removeDevice(deps: Deps, actor: OperatorActor, ref: DeviceRef): Promise<{ deviceId: string }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    await requireActiveOrganization(tx, actor, ref.organizationId);
    const owner = await requireDeviceOwner(tx, ref.organizationId, ref.userId);
    const target = { type: 'user', id: ref.userId, label: owner.name };
    return dropDevice(tx, actor, deviceKey(ref), { organizationId: ref.organizationId, target }, now);
  });
}
