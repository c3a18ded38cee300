import type { DeviceView, ListDevicesInput } from '@mailyard/core/devices';
import type { Db } from '@mailyard/db';
import { listUserDevices } from '@mailyard/db/queries/devices';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/access.ts';
import { requireDeviceOwner } from './access.ts';

/** The Mobile devices tab (Refresh fetches it again): every device that synced as the user, latest first. */
export async function listDevices(db: Db, actor: OperatorActor, input: ListDevicesInput): Promise<DeviceView[]> {
  await requireOrganization(db, actor, input.organizationId);
  await requireDeviceOwner(db, input.organizationId, input.userId);
  return listUserDevices(db, input.organizationId, input.userId);
}
