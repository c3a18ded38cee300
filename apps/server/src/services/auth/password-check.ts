import { fail } from '@mailyard/core/errors';
import type { Deps } from '../../deps.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/passwords.ts';
import { assertUnderLimits, countAttempt, resetLimit, type RateLimitRule } from '../rate-limit.ts';

export const INVALID_CREDENTIALS_MESSAGE = 'The email address or password is incorrect.';

/**
 * The password check of every sign-in (operators, users in the portal, devices): refused at once while a limit is
 * full; an unknown account and a wrong password answer alike and take as long (a dummy hash is verified); a failure
 * counts against every rule, a success clears the first (per-address) one. Returns the account without its hash.
 */
export async function verifyCredentials<T extends { passwordHash: string | null }>(
  deps: Deps,
  rules: RateLimitRule[],
  password: string,
  find: () => Promise<T | null>,
): Promise<Omit<T, 'passwordHash'>> {
  const now = deps.clock();
  await assertUnderLimits(deps.db, rules, now);
  const found = await find();
  const ok = found?.passwordHash ? await verifyPassword(found.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!found || !ok) {
    await countAttempt(deps.db, rules, now);
    fail('AUTH.INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
  }
  await resetLimit(deps.db, rules[0]!.key);
  const { passwordHash: _hash, ...account } = found;
  return account;
}
