import { deviceAccessRefusal } from '@mailyard/core/devices';
import { failIf } from '@mailyard/core/errors';
import type { Deps } from '../../deps.ts';
import type { UserActor } from '../actor.ts';
import { verifyUserCredentials } from '../auth/user-credentials.ts';

/** The user a device synced as, acting for itself in audit events. */
export interface DeviceOwner {
  /** The user name, for audit labels. */
  name: string;
  actor: UserActor;
}

/**
 * A device signs in as its user with any of the user's addresses and the user's password, under the same checks
 * and the same guess budget as the portal's sign-in. Only then is the account's state told: a disabled user's or an
 * inactive organization's devices are refused with the reason.
 */
export async function authenticateDeviceOwner(
  deps: Deps,
  credentials: { address: string; password: string },
  client: { ip: string },
): Promise<DeviceOwner> {
  const owner = await verifyUserCredentials(deps, credentials, client);
  failIf(deviceAccessRefusal({ userState: owner.state, organizationState: owner.organizationState }));
  const label = credentials.address.trim().toLowerCase();
  return {
    name: owner.name,
    actor: { type: 'user', accountId: owner.accountId, organizationId: owner.organizationId, userId: owner.userId, label, via: 'activesync' },
  };
}
