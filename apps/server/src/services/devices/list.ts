import type { DeviceView, ListDevicesInput } from '@mailyard/core/devices';
import type { Db } from '@mailyard/db';
import { listUserDevices } from '@mailyard/db/queries/devices';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { requireUser } from '../users/require.ts';

/** The Mobile devices tab (Refresh fetches it again): every device that synced as the user, latest first. */
export async function listDevices(db: Db, actor: OperatorActor, input: ListDevicesInput): Promise<DeviceView[]> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const user = await requireUser(db, org.id, input.userId);
  return listUserDevices(db, org.id, user.id);
}
