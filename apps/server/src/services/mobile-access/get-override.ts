import { fail } from '@mailyard/core/errors';
import type { MobileDeviceAccessOverride, MobileDeviceAccessOverrideRef } from '@mailyard/core/mobile-access';
import type { Db } from '@mailyard/db';
import { findMobileDeviceAccessOverride } from '@mailyard/db/queries/mobile-access';
import type { OperatorActor } from '../actor.ts';
import { overrideFrame } from './overrides.ts';

/** The override of a user and device (WorkMail's GetMobileDeviceAccessOverride), or MOBILE_ACCESS.OVERRIDE_NOT_FOUND. */
export async function getMobileDeviceAccessOverride(db: Db, actor: OperatorActor, ref: MobileDeviceAccessOverrideRef): Promise<MobileDeviceAccessOverride> {
  const { key } = await overrideFrame(db, actor, ref);
  const override = await findMobileDeviceAccessOverride(db, key);
  if (!override) fail('MOBILE_ACCESS.OVERRIDE_NOT_FOUND', `User ${ref.userId} has no mobile device access override for device ${key.deviceId}.`, { field: 'deviceId' });
  return override;
}
