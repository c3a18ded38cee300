import type { DeviceRef, DeviceView } from '@mailyard/core/devices';
import type { Db } from '@mailyard/db';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { requireUser } from '../users/require.ts';
import { deviceKey, requireDevice } from './require.ts';

export async function getDevice(db: Db, actor: OperatorActor, ref: DeviceRef): Promise<DeviceView> {
  const org = await requireOrganization(db, actor, ref.organizationId);
  await requireUser(db, org.id, ref.userId);
  return requireDevice(db, deviceKey(ref));
}
