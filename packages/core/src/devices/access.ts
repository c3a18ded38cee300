import type { EntityState } from '../entities/state.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';
import { isOperational, type OrganizationState } from '../organizations/state.ts';

/** Exchange's default partnership limit: a user's devices stay a short list, and a looping client cannot grow it. */
export const MAX_DEVICES_PER_USER = 100;

/**
 * Whether a device that authenticated as this user may sync. A disabled user is inaccessible at once, devices
 * included; so is every user of an organization that is not Active.
 */
export function deviceAccessRefusal(owner: { userState: EntityState; organizationState: OrganizationState }): Refusal | null {
  if (owner.userState !== 'ENABLED') {
    return refusal('DEVICE.ACCESS_DENIED', 'This account is disabled: its mobile devices cannot sync.', { reason: 'user_disabled' });
  }
  if (!isOperational(owner.organizationState)) {
    return refusal('DEVICE.ACCESS_DENIED', `The organization of this account is not active (state: ${owner.organizationState}): devices cannot sync.`, {
      reason: 'organization_not_active',
    });
  }
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
