import { z } from 'zod';
import { AliasPolicy } from '../addresses/aliases.ts';
import { emailAddressSchema, localPartSchema, mailDomainSchema } from '../addresses/address.ts';
import { SignInInput } from '../auth/schemas.ts';
import { deviceIdSchema } from '../devices/schemas.ts';
import { organizationId } from '../organizations/ids.ts';
import { pageInput } from '../pagination/cursor.ts';
import { newPasswordFields, refinePasswordsMatch } from '../passwords/new-password.ts';
import { RECOVERY_CODE_DIGITS } from './rules.ts';
import { text } from '../text/well-formed.ts';

/** Sign in with the primary address or any alias. */
export const PortalSignInInput = SignInInput;
export type PortalSignInInput = z.infer<typeof PortalSignInInput>;

/** A password the user types to prove it is them; its policy is not checked (it may predate the policy). */
export const currentPasswordSchema = text()
  .min(1, 'Enter your current password.')
  .max(256, 'Password must be at most 256 characters.');

export const ChangePasswordInput = refinePasswordsMatch(z.object({ currentPassword: currentPasswordSchema, ...newPasswordFields }));
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/** Asks for a code at a new recovery address. Replacing a verified address also needs the current password. */
export const StartRecoveryAddressInput = z.object({
  email: emailAddressSchema,
  currentPassword: currentPasswordSchema.optional(),
});
export type StartRecoveryAddressInput = z.infer<typeof StartRecoveryAddressInput>;

export const recoveryCodeSchema = text()
  .trim()
  .regex(new RegExp(`^\\d{${RECOVERY_CODE_DIGITS}}$`), `Enter the ${RECOVERY_CODE_DIGITS}-digit code from the email.`);

export const VerifyRecoveryAddressInput = z.object({ code: recoveryCodeSchema });
export type VerifyRecoveryAddressInput = z.infer<typeof VerifyRecoveryAddressInput>;

export const RemoveRecoveryAddressInput = z.object({ currentPassword: currentPasswordSchema });
export type RemoveRecoveryAddressInput = z.infer<typeof RemoveRecoveryAddressInput>;

export const RequestPasswordResetInput = z.object({ email: SignInInput.shape.email });
export type RequestPasswordResetInput = z.infer<typeof RequestPasswordResetInput>;

/** 32 random bytes, base64url: what the link carries after `#token=`. */
export const resetTokenSchema = text().trim().regex(/^[A-Za-z0-9_-]{43}$/, 'This reset link is not valid. Ask for a new one.');

export const ResetTokenRef = z.object({ token: resetTokenSchema });
export type ResetTokenRef = z.infer<typeof ResetTokenRef>;

export const CompletePasswordResetInput = refinePasswordsMatch(z.object({ token: resetTokenSchema, ...newPasswordFields }));
export type CompletePasswordResetInput = z.infer<typeof CompletePasswordResetInput>;

export const AddOwnAliasInput = z.object({ localPart: localPartSchema, domain: mailDomainSchema });
export type AddOwnAliasInput = z.infer<typeof AddOwnAliasInput>;

export const RemoveOwnAliasInput = z.object({ address: emailAddressSchema });
export type RemoveOwnAliasInput = z.infer<typeof RemoveOwnAliasInput>;

export const OwnDeviceInput = z.object({ deviceId: deviceIdSchema });
export type OwnDeviceInput = z.infer<typeof OwnDeviceInput>;

export const RecentChangesInput = z.object({ ...pageInput, limit: pageInput.limit.default(20) });
export type RecentChangesInput = z.infer<typeof RecentChangesInput>;

/** Operators: the organization's self-service alias policy. */
export const SetAliasPolicyInput = z.object({ organizationId, policy: AliasPolicy });
export type SetAliasPolicyInput = z.infer<typeof SetAliasPolicyInput>;
