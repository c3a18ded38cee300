import { normalizeDeviceId, type DeviceRef, type DeviceView } from '@mailyard/core/devices';
import { fail } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { findDevice, findDeviceOwner, type DeviceKey } from '@mailyard/db/queries/devices';

export const deviceKey = (ref: DeviceRef): DeviceKey => ({
  organizationId: ref.organizationId,
  userId: ref.userId,
  deviceId: normalizeDeviceId(ref.deviceId),
});

/** The user whose devices are shown (the organization already checked). */
export async function requireDeviceOwner(db: Db, organizationId: string, userId: string) {
  const owner = await findDeviceOwner(db, organizationId, userId);
  if (!owner) fail('USER.NOT_FOUND', `User ${userId} was not found.`, { field: 'userId' });
  return owner;
}

export async function requireDevice(db: Db, key: DeviceKey, lock = false): Promise<DeviceView> {
  const device = await findDevice(db, key, lock);
  if (!device) fail('DEVICE.NOT_FOUND', `Device ${key.deviceId} was not found for this user.`, { field: 'deviceId' });
  return device;
}
