import type { DeviceRef, DeviceView } from '@mailyard/core/devices';
import type { Db } from '@mailyard/db';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/access.ts';
import { deviceKey, requireDevice, requireDeviceOwner } from './access.ts';

export async function getDevice(db: Db, actor: OperatorActor, ref: DeviceRef): Promise<DeviceView> {
  await requireOrganization(db, actor, ref.organizationId);
  await requireDeviceOwner(db, ref.organizationId, ref.userId);
  return requireDevice(db, deviceKey(ref));
}
