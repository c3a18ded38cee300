import { type DeviceView, type ListDevicesInput } from '@mailyard/core/devices';
import { decideMobileDeviceAccess, type DeviceAccessView, type MobileDeviceAccessDecision } from '@mailyard/core/mobile-access';
import type { Db } from '@mailyard/db';
import { listUserDevices } from '@mailyard/db/queries/devices';
import {
  findMobileDeviceAccessOverride,
  listMobileDeviceAccessRules,
  listUserMobileDeviceAccessOverrides,
  type OverrideKey,
} from '@mailyard/db/queries/mobile-access';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { requireUser } from '../users/require.ts';

type Reported = Pick<DeviceView, 'deviceType' | 'model' | 'operatingSystem' | 'userAgent'>;

/** What a device reported, in the rules' terms. */
const reported = (d: Reported) => ({ deviceType: d.deviceType, deviceModel: d.model, deviceOperatingSystem: d.operatingSystem, deviceUserAgent: d.userAgent });

/**
 * What decides the access one device of a user gets now — its override, else the organization's rules (what a sync
 * enforces) — read once, as a function of what the device reports.
 */
export async function deviceAccessDecider(db: Db, key: OverrideKey): Promise<(device: Reported) => MobileDeviceAccessDecision> {
  const [rules, override] = await Promise.all([listMobileDeviceAccessRules(db, key.organizationId), findMobileDeviceAccessOverride(db, key)]);
  return (device) => decideMobileDeviceAccess(rules, reported(device), override);
}

/** The user's Mobile devices tab: each device's access now, and why (the rule or the override that decides). */
export async function listUserDevicesAccess(db: Db, actor: OperatorActor, input: ListDevicesInput): Promise<DeviceAccessView[]> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const user = await requireUser(db, org.id, input.userId);
  const [devices, rules, overrides] = await Promise.all([
    listUserDevices(db, org.id, user.id),
    listMobileDeviceAccessRules(db, org.id),
    listUserMobileDeviceAccessOverrides(db, org.id, user.id),
  ]);
  const overrideOf = new Map(overrides.map((o) => [o.deviceId, o]));
  return devices.map((d) => ({ deviceId: d.deviceId, decision: decideMobileDeviceAccess(rules, reported(d), overrideOf.get(d.deviceId) ?? null) }));
}
