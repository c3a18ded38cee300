import { fail } from '@mailyard/core/errors';
import type { Deps } from '../../deps.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/passwords.ts';
import { consumeAttempt, forgiveSuccess, type RateLimitRule } from '../rate-limit.ts';

export const INVALID_CREDENTIALS_MESSAGE = 'The email address or password is incorrect.';

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
): Promise<Omit<T, 'passwordHash'>> {
  const now = deps.clock();
  await consumeAttempt(deps.db, rules, now);
  const found = await find();
  const ok = found?.passwordHash ? await verifyPassword(found.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!found || !ok) fail('AUTH.INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
  await forgiveSuccess(deps.db, rules, now);
  const { passwordHash: _hash, ...account } = found;
  return account;
}
