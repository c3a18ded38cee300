import { normalizeDeviceId, type DeviceView } from '@mailyard/core/devices';
import type { OwnDeviceInput } from '@mailyard/core/portal';
import type { Db } from '@mailyard/db';
import { listUserDevices, type DeviceKey } from '@mailyard/db/queries/devices';
import type { UserActor } from '../actor.ts';

/** One of the user's own devices: the key is built from the session, never from ids in the request. */
export const ownDevice = (actor: UserActor, input: OwnDeviceInput): DeviceKey => ({
  organizationId: actor.organizationId,
  userId: actor.userId,
  deviceId: normalizeDeviceId(input.deviceId),
});

/** The devices that sync the user's mailbox, latest first. */
export const listMyDevices = (db: Db, actor: UserActor): Promise<DeviceView[]> => listUserDevices(db, actor.organizationId, actor.userId);
