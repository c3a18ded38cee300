import { and, desc, eq, sql } from 'drizzle-orm';
import type { DeviceView, WipeState } from '@mailyard/core/devices';
import type { Db } from '../client.ts';
import { mobileDevices } from '../schema/index.ts';

/** A device of a user; `deviceId` normalised (lower case). */
export interface DeviceKey {
  organizationId: string;
  userId: string;
  deviceId: string;
}

const viewColumns = {
  deviceId: mobileDevices.deviceId,
  deviceType: mobileDevices.deviceType,
  model: mobileDevices.model,
  operatingSystem: mobileDevices.operatingSystem,
  userAgent: mobileDevices.userAgent,
  firstSyncAt: mobileDevices.firstSyncAt,
  lastSyncAt: mobileDevices.lastSyncAt,
  wipeStatus: sql<WipeState>`${mobileDevices.wipeStatus}`,
  wipeRequestedAt: mobileDevices.wipeRequestedAt,
  wipeSentAt: mobileDevices.wipeSentAt,
  wipedAt: mobileDevices.wipedAt,
};

const ofDevice = (k: DeviceKey) =>
  and(eq(mobileDevices.organizationId, k.organizationId), eq(mobileDevices.userId, k.userId), eq(mobileDevices.deviceId, k.deviceId));

/** A user's devices, most recently synced first. Bounded by the per-user device limit. */
export async function listUserDevices(db: Db, organizationId: string, userId: string): Promise<DeviceView[]> {
  return db
    .select(viewColumns)
    .from(mobileDevices)
    .where(and(eq(mobileDevices.organizationId, organizationId), eq(mobileDevices.userId, userId)))
    .orderBy(desc(mobileDevices.lastSyncAt), mobileDevices.deviceId);
}

export async function countUserDevices(db: Db, organizationId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mobileDevices)
    .where(and(eq(mobileDevices.organizationId, organizationId), eq(mobileDevices.userId, userId)));
  return row?.n ?? 0;
}

export async function findDevice(db: Db, key: DeviceKey, lock = false): Promise<DeviceView | null> {
  const query = db.select(viewColumns).from(mobileDevices).where(ofDevice(key));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * Records a device's first sync and returns it (the row stays locked until the transaction ends); `null` when a
 * concurrent first sync of the same device inserted it already, which the caller then locks with `findDevice`.
 */
export async function insertDevice(db: Db, key: DeviceKey, at: Date): Promise<DeviceView | null> {
  const [row] = await db
    .insert(mobileDevices)
    .values({ ...key, firstSyncAt: at, lastSyncAt: at })
    .onConflictDoNothing()
    .returning(viewColumns);
  return row ?? null;
}

/**
 * Updates a device; with `seen`, only while its wipe status is still the one read (no lock held meanwhile): `false`
 * when it changed, or the device went, and nothing was written.
 */
export async function updateDevice(
  db: Db,
  key: DeviceKey,
  patch: Partial<Omit<DeviceView, 'deviceId' | 'firstSyncAt'>>,
  seen?: { wipeStatus: WipeState },
): Promise<boolean> {
  const unchanged = seen && sql`${mobileDevices.wipeStatus} is not distinct from ${seen.wipeStatus}`;
  const rows = await db.update(mobileDevices).set(patch).where(and(ofDevice(key), unchanged)).returning({ deviceId: mobileDevices.deviceId });
  return rows.length > 0;
}

export async function deleteDevice(db: Db, key: DeviceKey): Promise<DeviceView | null> {
  const [row] = await db.delete(mobileDevices).where(ofDevice(key)).returning(viewColumns);
  return row ?? null;
}
