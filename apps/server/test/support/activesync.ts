import { USER_PASSWORD } from './mailbox-fixtures.ts';

export interface SyncOptions {
  address: string;
  password?: string;
  deviceId?: string | null;
  deviceType?: string;
  cmd?: string;
  body?: unknown;
  userAgent?: string;
}

export const basic = (address: string, password: string) => `Basic ${Buffer.from(`${address}:${password}`).toString('base64')}`;

/** One ActiveSync-style Provision request to the device endpoint, as a phone sends it. */
export async function activeSync(serverUrl: string, o: SyncOptions) {
  const query = new URLSearchParams({ Cmd: o.cmd ?? 'Provision', DeviceType: o.deviceType ?? 'iPhone' });
  if (o.deviceId !== null) query.set('DeviceId', o.deviceId ?? 'ApplF17ABC123');
  const response = await fetch(`${serverUrl}/Microsoft-Server-ActiveSync?${query}`, {
    method: 'POST',
    headers: {
      authorization: basic(o.address, o.password ?? USER_PASSWORD),
      'content-type': 'application/json',
      'user-agent': o.userAgent ?? 'Apple-iPhone15C2/2104.4',
    },
    body: JSON.stringify(o.body ?? { model: 'iPhone15,2', operatingSystem: 'iOS 17.4' }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}
