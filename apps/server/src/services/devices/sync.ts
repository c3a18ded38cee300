import { deviceAccessRefusal, mustWipe, newDeviceRefusal, normalizeDeviceId, wipeStatusAfter, type DeviceSyncAnswer, type DeviceSyncReport } from '@mailyard/core/devices';
import { failIf } from '@mailyard/core/errors';
import { inTransaction } from '@mailyard/db';
import { countUserDevices, findDevice, insertDevice, updateDevice } from '@mailyard/db/queries/devices';
import type { Deps } from '../../deps.ts';
import { recordAudit, type AuditEntry } from '../audit.ts';
import { userTarget } from '../users/require.ts';
import type { DeviceOwner } from './authenticate.ts';

/**
 * One sync of an authenticated device (ActiveSync Provision): records first and last sync and what the device says
 * about itself, and answers whether it must wipe itself. A pending wipe is sent (and sent again on every sync until
 * the device acknowledges, so a lost answer cannot lose it); the acknowledgement marks the device wiped. Routine
 * syncs are not audited (last sync is their record); a new device, a wipe sent and a wipe done are. A disabled user's
 * devices are refused, save one that still owes a wipe.
 */
export async function syncDevice(deps: Deps, owner: DeviceOwner, report: DeviceSyncReport): Promise<DeviceSyncAnswer> {
  const now = deps.clock();
  const { organizationId, userId } = owner.actor;
  const key = { organizationId, userId, deviceId: normalizeDeviceId(report.deviceId) };
  return inTransaction(deps.db, async (tx) => {
    let device = await findDevice(tx, key, true);
    failIf(deviceAccessRefusal(owner.access, device?.wipeStatus ?? null));
    let isNew = false;
    if (!device) {
      failIf(newDeviceRefusal(await countUserDevices(tx, organizationId, userId)));
      const inserted = await insertDevice(tx, key, now);
      isNew = inserted !== null;
      // A concurrent first sync inserted it: wait for that one's row.
      device = inserted ?? (await findDevice(tx, key, true))!;
    }
    const wipeStatus = wipeStatusAfter(device.wipeStatus, report.wipeAcknowledged ? 'acknowledge' : 'sync');
    const sent = device.wipeStatus === 'PENDING' && wipeStatus === 'SENT';
    const wiped = device.wipeStatus === 'SENT' && wipeStatus === 'WIPED';
    await updateDevice(tx, key, {
      lastSyncAt: now,
      // What the device does not report this time stays as it was.
      deviceType: report.deviceType ?? device.deviceType,
      model: report.model ?? device.model,
      operatingSystem: report.operatingSystem ?? device.operatingSystem,
      userAgent: report.userAgent ?? device.userAgent,
      wipeStatus,
      ...(sent ? { wipeSentAt: now } : {}),
      ...(wiped ? { wipedAt: now } : {}),
    });

    const audit = (action: string, after: Record<string, unknown>) => {
      const entry: AuditEntry = {
        action,
        organizationId,
        target: userTarget({ id: userId, name: owner.name }),
        after: { deviceId: key.deviceId, ...after },
      };
      return recordAudit(tx, owner.actor, entry, now);
    };
    if (isNew) {
      await audit('device.add', { deviceType: report.deviceType ?? null, model: report.model ?? null, operatingSystem: report.operatingSystem ?? null });
    }
    if (sent) await audit('device.wipe_sent', { wipeStatus });
    if (wiped) await audit('device.wiped', { wipeStatus });
    return { status: 'ok', wipe: mustWipe(wipeStatus) };
  });
}
