import { text } from '../text/well-formed.ts';

/**
 * WorkMail's IdentityProviderUserId: the IAM Identity Center user a user is linked to — a UUID, optionally after a
 * ten-digit identity-store prefix. Mailyard keeps it for the scripts that carry it over (and filters by it); it
 * grants nothing.
 */
export const IDENTITY_PROVIDER_USER_ID_PATTERN = '^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$';
const pattern = new RegExp(IDENTITY_PROVIDER_USER_ID_PATTERN);
const message = 'Identity provider user id must be a UUID, optionally after ten lower-case hex digits and a hyphen.';

export const identityProviderUserIdSchema = text().trim().regex(pattern, message);

/** On update: absent = unchanged, `null` or `""` = the link removed (WorkMail's UpdateUser takes `""`). */
export const clearableIdentityProviderUserId = text()
  .trim()
  .refine((v) => v === '' || pattern.test(v), message)
  .nullable()
  .transform((v) => (v === '' ? null : v))
  .optional();
