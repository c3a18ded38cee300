import { ACCESS_DENIED_MESSAGE } from '../access-control/evaluate.ts';
import type { AccessEffectName } from '../access-control/schemas.ts';
import type { EntityState } from '../entities/state.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';
import { isOperational, type OrganizationState } from '../organizations/state.ts';
import { mustWipe, type WipeState } from './wipe.ts';

/** Exchange's default partnership limit: a user's devices stay a short list, and a looping client cannot grow it. */
export const MAX_DEVICES_PER_USER = 100;

/** What decides whether a user's devices may sync: the user's state, the organization's, and its access control rules. */
export interface DeviceAccess {
  userState: EntityState;
  organizationState: OrganizationState;
  /** What the organization's access control rules decide for this user, action ActiveSync, from the device's address. */
  rulesEffect: AccessEffectName;
}

/**
 * Whether a device that authenticated as this user may sync. A disabled user is inaccessible at once, devices
 * included; so is every user of an organization that is not Active, and a sync the organization's access control rules
 * deny (the message names no rule). Except a known device that still owes a wipe
 * (`wipeStatus` pending or sent): a departed user's lost phone must still be told to erase itself, and be able to
 * say it did — all such a sync answers is whether to wipe.
 */
export function deviceAccessRefusal(owner: DeviceAccess, wipeStatus: WipeState = null): Refusal | null {
  if (mustWipe(wipeStatus)) return null;
  if (owner.userState !== 'ENABLED') {
    return refusal('DEVICE.ACCESS_DENIED', 'This account is disabled: its mobile devices cannot sync.', { reason: 'user_disabled' });
  }
  if (!isOperational(owner.organizationState)) {
    return refusal('DEVICE.ACCESS_DENIED', `The organization of this account is not active (state: ${owner.organizationState}): devices cannot sync.`, {
      reason: 'organization_not_active',
    });
  }
  if (owner.rulesEffect === 'DENY') return refusal('ACCESS.DENIED_BY_RULES', ACCESS_DENIED_MESSAGE);
  return null;
}

/** A device the user has never synced is refused once the user has the maximum number of devices. */
export function newDeviceRefusal(deviceCount: number): Refusal | null {
  return deviceCount >= MAX_DEVICES_PER_USER
    ? refusal('DEVICE.LIMIT_REACHED', `This account already has ${MAX_DEVICES_PER_USER} mobile devices: remove one in the console first.`, {
        limit: MAX_DEVICES_PER_USER,
      })
    : null;
}
