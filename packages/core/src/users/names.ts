import { joinAddress } from '../addresses/address.ts';
import { reservedNameRefusal } from './system.ts';
import { text } from '../text/well-formed.ts';

/** WorkMail's UserName: 1–64 characters (built-in directory), a word, optionally in the form of an address. */
export const USER_NAME_MAX_LENGTH = 64;
export const USER_NAME_PATTERN = /^[\w\-.]+(@[a-zA-Z0-9.-]+\.[a-zA-Z0-9-]{2,})?$/;

export const userNameSchema = text()
  .trim()
  .min(1, 'User name is required.')
  .max(USER_NAME_MAX_LENGTH, `User name must be at most ${USER_NAME_MAX_LENGTH} characters.`)
  .regex(USER_NAME_PATTERN, 'User name may contain only letters, digits, _ - and . (optionally followed by @domain).');

/** Creating a user also refuses the reserved names (RNE); renaming an existing system user is refused elsewhere. */
export const newUserNameSchema = userNameSchema.superRefine((name, ctx) => {
  const refused = reservedNameRefusal(name, 'user');
  if (refused) ctx.addIssue({ code: 'custom', message: refused.message });
});

/** Names are unique per organization regardless of case. */
export const normalizeUserName = (name: string) => name.trim().toLowerCase();

/** The Create user form's prefilled address: the name (its part before any @) at the default domain. */
export function defaultAddressFor(name: string, defaultDomain: string): string {
  const trimmed = name.trim();
  const at = trimmed.indexOf('@');
  return joinAddress(at < 0 ? trimmed : trimmed.slice(0, at), defaultDomain);
}
