import { fail } from '@mailyard/core/errors';
import type { Deps } from '../../deps.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/passwords.ts';
import { consumeAttempt, forgiveSuccess, type RateLimitRule } from '../rate-limit.ts';

export const INVALID_CREDENTIALS_MESSAGE = 'The email address or password is incorrect.';

/** Checks a password against an account's stored hash: argon2id, or a `VerifiedPasswordCache` in front of it. */
export type VerifyPassword = (encoded: string, password: string) => Promise<boolean>;

export interface PasswordChecks<T> {
  /** Checks an account that has no hash of its own (a directory user: an LDAP bind); `null` when it does not apply. */
  otherCheck?: (found: T, password: string) => Promise<boolean | null>;
  verify?: VerifyPassword;
}

/**
 * The password check of every sign-in (operators, users in the portal, devices): the attempt is counted against every
 * rule before the password is looked at, and refused once a limit is passed; an unknown account and a wrong password
 * answer alike and take as long (a dummy hash is verified); a success is forgiven (`forgiveSuccess`), so the windows
 * fill with failures only. Returns the account without its hash.
 */
export async function verifyCredentials<T extends { passwordHash: string | null }>(
  deps: Deps,
  rules: RateLimitRule[],
  password: string,
  find: () => Promise<T | null>,
  checks: PasswordChecks<T> = {},
): Promise<Omit<T, 'passwordHash'>> {
  const { otherCheck = async () => null, verify = verifyPassword } = checks;
  const now = deps.clock();
  await consumeAttempt(deps.db, rules, now);
  const found = await find();
  const other = found && !found.passwordHash ? await otherCheck(found, password) : null;
  const ok = found?.passwordHash ? await verify(found.passwordHash, password) : other ?? (await burnPasswordCheck(password), false);
  if (!found || !ok) fail('AUTH.INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
  await forgiveSuccess(deps.db, rules, now);
  const { passwordHash: _hash, ...account } = found;
  return account;
}
