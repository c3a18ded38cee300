import {
  deviceAccessRefusal,
  mustWipe,
  newDeviceRefusal,
  normalizeDeviceId,
  wipeStatusAfter,
  type DeviceSyncAnswer,
  type DeviceSyncReport,
  type DeviceView,
  type WipeState,
} from '@mailyard/core/devices';
import { fail, failIf } from '@mailyard/core/errors';
import { describeDecision, type MobileDeviceAccessDecision } from '@mailyard/core/mobile-access';
import { inTransaction } from '@mailyard/db';
import { countUserDevices, findDevice, insertDevice, updateDevice, type DeviceKey } from '@mailyard/db/queries/devices';
import type { Deps } from '../../deps.ts';
import { recordAudit, type AuditEntry } from '../audit.ts';
import { deviceAccessDecider } from '../mobile-access/device-access.ts';
import { userTarget } from '../users/require.ts';
import type { DeviceOwner } from './authenticate.ts';

/** What the device reports this time, and what it left out as it was. */
function reportedFields(report: DeviceSyncReport, device: DeviceView) {
  return {
    deviceType: report.deviceType ?? device.deviceType,
    model: report.model ?? device.model,
    operatingSystem: report.operatingSystem ?? device.operatingSystem,
    userAgent: report.userAgent ?? device.userAgent,
  };
}

/** The answer, or the rules' denial — except that a device owing a wipe when it came is told to wipe (or its acknowledgement taken) whatever they say. */
function answerOf(access: MobileDeviceAccessDecision, came: WipeState, wipeStatus: WipeState): DeviceSyncAnswer | MobileDeviceAccessDecision {
  if (access.effect === 'DENY' && !mustWipe(came)) return access;
  return { status: 'ok', wipe: mustWipe(wipeStatus) };
}

/**
 * The sync of a known device whose wipe status it does not move (all but a handful of syncs): its record and the rules
 * are read without a lock, and its last sync written only while its wipe status is still the one read — one statement,
 * no transaction. `null` when the sync is not routine (a new device, a wipe to send or to record) or the device
 * changed meanwhile (a wipe asked for, the device removed): `recordedSync` then decides.
 */
async function routineSync(deps: Deps, owner: DeviceOwner, key: DeviceKey, report: DeviceSyncReport, now: Date) {
  const [device, decide] = await Promise.all([findDevice(deps.db, key), deviceAccessDecider(deps.db, key)]);
  if (!device) return null;
  failIf(deviceAccessRefusal(owner.access, device.wipeStatus));
  const wipeStatus = wipeStatusAfter(device.wipeStatus, report.wipeAcknowledged ? 'acknowledge' : 'sync');
  if (wipeStatus !== device.wipeStatus) return null;
  const reported = reportedFields(report, device);
  const access = decide(reported);
  const written = await updateDevice(deps.db, key, { lastSyncAt: now, ...reported }, { wipeStatus });
  return written ? answerOf(access, device.wipeStatus, wipeStatus) : null;
}

/**
 * Any sync in one transaction, the device's row locked: a first sync (the device recorded and audited), a wipe sent or
 * acknowledged (audited), or a routine one that met a change (`routineSync`).
 */
async function recordedSync(deps: Deps, owner: DeviceOwner, key: DeviceKey, report: DeviceSyncReport, now: Date) {
  const { organizationId, userId } = key;
  return inTransaction(deps.db, async (tx): Promise<DeviceSyncAnswer | MobileDeviceAccessDecision> => {
    // The rules that decide its access are read with the device (pipelined in the transaction), not after it.
    const [found, decide] = await Promise.all([findDevice(tx, key, true), deviceAccessDecider(tx, key)]);
    let device = found;
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
    const reported = reportedFields(report, device);
    const access = decide(reported);
    await updateDevice(tx, key, {
      lastSyncAt: now,
      ...reported,
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
      await audit('device.add', {
        deviceType: report.deviceType ?? null,
        model: report.model ?? null,
        operatingSystem: report.operatingSystem ?? null,
        access: access.effect,
      });
    }
    if (sent) await audit('device.wipe_sent', { wipeStatus });
    if (wiped) await audit('device.wiped', { wipeStatus });
    return answerOf(access, device.wipeStatus, wipeStatus);
  });
}

/**
 * One sync of an authenticated device (ActiveSync Provision): records first and last sync and what the device says
 * about itself, and answers whether it must wipe itself. A pending wipe is sent (and sent again on every sync until
 * the device acknowledges, so a lost answer cannot lose it); the acknowledgement marks the device wiped. Routine
 * syncs are not audited (last sync is their record); a new device, a wipe sent and a wipe done are. A disabled user's
 * devices are refused, save one that still owes a wipe.
 *
 * Then the organization's mobile device access rules and the user's override for this device decide (core
 * `decideMobileDeviceAccess`). A device they deny is still recorded, with what it reported and when it tried — so it
 * shows as blocked in the console, where an operator can override — and is refused once that is committed
 * (DEVICE.BLOCKED, ActiveSync's status 129). A device that owes a wipe is told to wipe whatever the rules say.
 */
export async function syncDevice(deps: Deps, owner: DeviceOwner, report: DeviceSyncReport): Promise<DeviceSyncAnswer> {
  const now = deps.clock();
  const { organizationId, userId } = owner.actor;
  const key = { organizationId, userId, deviceId: normalizeDeviceId(report.deviceId) };
  const outcome = (await routineSync(deps, owner, key, report, now)) ?? (await recordedSync(deps, owner, key, report, now));
  if ('status' in outcome) return outcome;
  return fail('DEVICE.BLOCKED', describeDecision(outcome), {
    activeSyncStatus: ACTIVESYNC_DEVICE_BLOCKED,
    decidedBy: outcome.decidedBy,
    matchedRules: outcome.rules.matchedRules.map((r) => r.name),
  });
}

/** Exchange ActiveSync's common status 129, DeviceIsBlockedForThisUser ([MS-ASCMD] 2.2.2). */
const ACTIVESYNC_DEVICE_BLOCKED = 129;
