import { assertPassword } from '@mailyard/core/passwords';
import { hashPassword } from '../../platform/passwords.ts';

/**
 * The hash of a password an operator sets (Create user, Reset password, the bulk import, and their `/aws`
 * twins). The policy is checked at once — a refused password throws before any other work starts — and the hash
 * (argon2, milliseconds on a thread of its own) is returned as a promise, so the caller can run its checks meanwhile.
 * No reuse check: an operator does not know the user's earlier passwords.
 */
export function hashNewPassword(password: string): Promise<string> {
  assertPassword(password);
  return hashPassword(password);
}
