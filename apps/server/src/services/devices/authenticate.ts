import { normalizeAddress } from '@mailyard/core/addresses';
import type { DeviceAccess } from '@mailyard/core/devices';
import type { Deps } from '../../deps.ts';
import type { UserActor } from '../actor.ts';
import { accessEffectFor } from '../access-control/effect.ts';
import { verifyUserCredentials } from '../auth/user-credentials.ts';
import type { VerifiedPasswordCache } from '../../platform/verified-passwords.ts';

/** The user a device synced as, acting for itself in audit events. */
export interface DeviceOwner {
  /** The user name, for audit labels. */
  name: string;
  actor: UserActor;
  /** Told to the device only once its own record is known (`deviceAccessRefusal`): a device owing a wipe still gets it. */
  access: DeviceAccess;
}

/**
 * A device signs in as its user with any of the user's addresses and the user's password, under the same checks
 * and the same guess budget as the portal's sign-in. Only then are the account's state and the organization's access
 * control rules (action ActiveSync, the device's address) looked at, by `syncDevice`: a disabled user's, an inactive
 * organization's or a denied device is refused with the reason.
 */
export async function authenticateDeviceOwner(
  deps: Deps,
  credentials: { address: string; password: string },
  client: { ip: string },
  /** The endpoint's cache of verified passwords (a phone sends the same ones on every sync); none: argon2 every time. */
  passwords?: VerifiedPasswordCache,
): Promise<DeviceOwner> {
  const owner = await verifyUserCredentials(deps, credentials, client, { verified: passwords });
  const label = normalizeAddress(credentials.address);
  const rules = await accessEffectFor(deps.db, owner.organizationId, { userId: owner.userId, action: 'ActiveSync', ip: client.ip });
  return {
    name: owner.name,
    actor: { type: 'user', accountId: owner.accountId, organizationId: owner.organizationId, userId: owner.userId, label, via: 'activesync' },
    access: { userState: owner.state, organizationState: owner.organizationState, rulesEffect: rules.effect },
  };
}
