import type { Deps } from '../../src/deps.ts';
import { authenticateDeviceOwner } from '../../src/services/devices/authenticate.ts';
import { syncDevice } from '../../src/services/devices/sync.ts';
import { recordUsageReports } from '../../src/services/mailboxes/record-usage.ts';

/** A mobile device syncs as the user, as a phone would (the real sync service). */
export async function syncPhone(deps: Deps, user: { email: string; password: string }, deviceId: string, model = 'iPhone15,2') {
  const owner = await authenticateDeviceOwner(deps, { address: user.email, password: user.password }, { ip: '192.0.2.10' });
  return syncDevice(deps, owner, { deviceId, deviceType: 'iPhone', model, operatingSystem: 'iOS 17.4' });
}

/** The mail server reports the mailbox's size. */
export const reportUsage = (deps: Deps, address: string, usageBytes: number) => recordUsageReports(deps, { reports: [{ address, usageBytes }] });
