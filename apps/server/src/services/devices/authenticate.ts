import { SIGN_IN_LIMITS } from '@mailyard/core/auth';
import { deviceAccessRefusal } from '@mailyard/core/devices';
import { fail, failIf } from '@mailyard/core/errors';
import { findDeviceOwnerCredentials } from '@mailyard/db/queries/devices';
import type { Deps } from '../../deps.ts';
import { MINUTE_MS } from '../../platform/clock.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/passwords.ts';
import type { UserActor } from '../actor.ts';
import { assertUnderLimits, countAttempt, resetLimit, type RateLimitRule } from '../rate-limit.ts';

/** The user a device synced as, acting for itself in audit events. */
export interface DeviceOwner {
  /** The user name, for audit labels. */
  name: string;
  actor: UserActor;
}

function limits(address: string, ip: string): RateLimitRule[] {
  const windowMs = SIGN_IN_LIMITS.windowMinutes * MINUTE_MS;
  return [
    { key: `device-signin:addr:${address}`, limit: SIGN_IN_LIMITS.perAddress, windowMs },
    { key: `device-signin:ip:${ip}`, limit: SIGN_IN_LIMITS.perIp, windowMs },
  ];
}

/**
 * A device signs in as its user with any of the user's addresses and the user's password. Unknown address and wrong
 * password answer alike (and take as long); failures are throttled per address and per client address. Only then is
 * the account's state told: a disabled user's or an inactive organization's devices are refused with the reason.
 */
export async function authenticateDeviceOwner(
  deps: Deps,
  credentials: { address: string; password: string },
  client: { ip: string },
): Promise<DeviceOwner> {
  const now = deps.clock();
  const address = credentials.address.trim().toLowerCase();
  const rules = limits(address, client.ip);
  await assertUnderLimits(deps.db, rules, now);

  const owner = await findDeviceOwnerCredentials(deps.db, address);
  const ok = owner?.passwordHash
    ? await verifyPassword(owner.passwordHash, credentials.password)
    : (await burnPasswordCheck(credentials.password), false);
  if (!owner || !ok) {
    await countAttempt(deps.db, rules, now);
    fail('AUTH.INVALID_CREDENTIALS', 'The email address or password is incorrect.');
  }
  await resetLimit(deps.db, rules[0]!.key);
  failIf(deviceAccessRefusal({ userState: owner.state, organizationState: owner.organizationState }));
  return {
    name: owner.name,
    actor: { type: 'user', accountId: owner.accountId, organizationId: owner.organizationId, userId: owner.userId, label: address, via: 'activesync' },
  };
}
