import { z } from 'zod';
import { entityId } from '../entities/ids.ts';
import { organizationId } from '../organizations/ids.ts';
import type { WipeState } from './wipe.ts';
import { text } from '../text/well-formed.ts';

/** WorkMail's DeviceId: 1–32 letters and digits, compared without case. */
export const deviceIdSchema = text()
  .min(1, 'Device id is required.')
  .max(32, 'Device id must be at most 32 characters.')
  .regex(/^[A-Za-z0-9]+$/, 'Device id may contain only letters and digits.');

/** Device ids are case-insensitive: compare and key them this way, display them as reported. */
export const normalizeDeviceId = (deviceId: string) => deviceId.toLowerCase();

const deviceText = (label: string) => text().trim().max(256, `${label} must be at most 256 characters.`).optional();

/** What a device reports on each sync (modelled on ActiveSync provisioning). Credentials travel in the HTTP header. */
export const DeviceSyncReport = z.object({
  deviceId: deviceIdSchema,
  deviceType: deviceText('Device type'),
  model: deviceText('Model'),
  operatingSystem: deviceText('Operating system'),
  userAgent: deviceText('User agent'),
  /** The device has carried out the wipe it was told about. */
  wipeAcknowledged: z.boolean().optional(),
});
export type DeviceSyncReport = z.infer<typeof DeviceSyncReport>;

/** Console actions on one device of one user: details, Remove, Wipe. */
export const DeviceRef = z.object({ organizationId, userId: entityId, deviceId: deviceIdSchema });
export type DeviceRef = z.infer<typeof DeviceRef>;

export const ListDevicesInput = z.object({ organizationId, userId: entityId });
export type ListDevicesInput = z.infer<typeof ListDevicesInput>;

/** The Mobile devices tab and device details. `deviceId` is shown as keyed: lower case. */
export interface DeviceView {
  deviceId: string;
  deviceType: string | null;
  model: string | null;
  operatingSystem: string | null;
  userAgent: string | null;
  firstSyncAt: Date;
  lastSyncAt: Date;
  wipeStatus: WipeState;
  wipeRequestedAt: Date | null;
  wipeSentAt: Date | null;
  wipedAt: Date | null;
}

/** What the sync endpoint answers a device that may sync. */
export interface DeviceSyncAnswer {
  status: 'ok';
  /** Erase yourself now, then acknowledge on the next sync. */
  wipe: boolean;
}
