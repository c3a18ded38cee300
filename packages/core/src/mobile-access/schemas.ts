import { z } from 'zod';
import { text } from '../text/well-formed.ts';
import { deviceIdSchema } from '../devices/schemas.ts';
import { entityId } from '../entities/ids.ts';
import { clientToken, organizationId } from '../organizations/ids.ts';
import { pageInput } from '../pagination/cursor.ts';
import { accessDescription, deviceProperty, mobileAccessEffect, MobileDeviceAccessRuleFields } from './rules.ts';

/** A rule's id: a UUID, shown lower case (it fits WorkMail's MobileDeviceAccessRuleId, `[a-zA-Z0-9_-]{1,64}`). */
export const mobileDeviceAccessRuleId = z.guid('Rule id must be a UUID.').transform((id) => id.toLowerCase());

export const ListMobileDeviceAccessRulesInput = z.object({ organizationId });
export type ListMobileDeviceAccessRulesInput = z.infer<typeof ListMobileDeviceAccessRulesInput>;

export const CreateMobileDeviceAccessRuleInput = MobileDeviceAccessRuleFields.extend({
  organizationId,
  /** Makes a retried request return the first request's rule instead of a second one. */
  clientToken: clientToken.optional(),
});
export type CreateMobileDeviceAccessRuleInput = z.infer<typeof CreateMobileDeviceAccessRuleInput>;

/** An edit replaces the whole rule: name, description, effect and every condition (a condition left out is cleared). */
export const UpdateMobileDeviceAccessRuleInput = MobileDeviceAccessRuleFields.extend({ organizationId, ruleId: mobileDeviceAccessRuleId });
export type UpdateMobileDeviceAccessRuleInput = z.infer<typeof UpdateMobileDeviceAccessRuleInput>;

export const MobileDeviceAccessRuleRef = z.object({ organizationId, ruleId: mobileDeviceAccessRuleId });
export type MobileDeviceAccessRuleRef = z.infer<typeof MobileDeviceAccessRuleRef>;

const simulated = (label: string) =>
  text()
    .transform((s) => (s === '' ? undefined : s))
    .pipe(deviceProperty(label).optional())
    .optional();

/** A simulated device (GetMobileDeviceAccessEffect, the console's Evaluate panel): each property optional. */
export const MobileDeviceAccessEffectInput = z.object({
  organizationId,
  deviceType: simulated('Device type'),
  deviceModel: simulated('Device model'),
  deviceOperatingSystem: simulated('Operating system'),
  deviceUserAgent: simulated('User agent'),
});
export type MobileDeviceAccessEffectInput = z.infer<typeof MobileDeviceAccessEffectInput>;

export const MobileDeviceAccessOverrideRef = z.object({ organizationId, userId: entityId, deviceId: deviceIdSchema });
export type MobileDeviceAccessOverrideRef = z.infer<typeof MobileDeviceAccessOverrideRef>;

/** Creates the override of a user and device, or replaces it. The device need not have synced yet. */
export const PutMobileDeviceAccessOverrideInput = MobileDeviceAccessOverrideRef.extend({ effect: mobileAccessEffect, description: accessDescription });
export type PutMobileDeviceAccessOverrideInput = z.infer<typeof PutMobileDeviceAccessOverrideInput>;

export const ListMobileDeviceAccessOverridesInput = z.object({
  organizationId,
  userId: entityId.optional(),
  deviceId: deviceIdSchema.optional(),
  ...pageInput,
});
export type ListMobileDeviceAccessOverridesInput = z.infer<typeof ListMobileDeviceAccessOverridesInput>;
