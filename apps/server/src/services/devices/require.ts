import { normalizeDeviceId, type DeviceRef, type DeviceView } from '@mailyard/core/devices';
import { fail } from '@mailyard/core/errors';
import { inTransaction, type Db, type Transaction } from '@mailyard/db';
import { findDevice, type DeviceKey } from '@mailyard/db/queries/devices';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import type { AuditEntry } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { requireUser, userTarget } from '../users/require.ts';

export const deviceKey = (ref: DeviceRef): DeviceKey => ({
  organizationId: ref.organizationId,
  userId: ref.userId,
  deviceId: normalizeDeviceId(ref.deviceId),
});

export async function requireDevice(db: Db, key: DeviceKey, lock = false): Promise<DeviceView> {
  const device = await findDevice(db, key, lock);
  if (!device) fail('DEVICE.NOT_FOUND', `Device ${key.deviceId} was not found for this user.`, { field: 'deviceId' });
  return device;
}

/** Where a change to a device is recorded: under the user it belongs to. */
export type DeviceAudit = Pick<AuditEntry, 'organizationId' | 'target'>;

/**
 * Runs `change` in one transaction on a device of a user (any state) of an Active organization the actor reaches:
 * the console's frame for Remove and Wipe. `audit` targets the user, whose activity shows the change.
 */
export function changeUserDevice<T>(
  deps: Deps,
  actor: OperatorActor,
  ref: DeviceRef,
  change: (tx: Transaction, key: DeviceKey, audit: DeviceAudit, now: Date) => Promise<T>,
): Promise<T> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, ref.organizationId);
    const user = await requireUser(tx, org.id, ref.userId);
    return change(tx, deviceKey(ref), { organizationId: org.id, target: userTarget(user) }, now);
  });
}
