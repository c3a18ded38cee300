import { refusal, type Refusal } from '../errors/refusal.ts';

/** A new password may not repeat any of the user's last five. */
export const PASSWORD_HISTORY_DEPTH = 5;

/**
 * The hashes a new password is compared with: the current one first, then the history (newest first), without
 * repeats, up to the depth. The current hash is usually also the newest in the history; counting it once keeps
 * "last five" five.
 */
export function lastPasswordHashes(current: string | null, history: readonly string[]): string[] {
  return [...new Set([current, ...history].filter((h): h is string => h !== null))].slice(0, PASSWORD_HISTORY_DEPTH);
}

export const passwordReusedRefusal = (): Refusal =>
  refusal('PASSWORD.REUSED', `Choose a password you have not used recently: it may not be any of your last ${PASSWORD_HISTORY_DEPTH} passwords.`, {
    field: 'password',
    depth: PASSWORD_HISTORY_DEPTH,
  });
