import { fail } from '@mailyard/core/errors';
import type { Deps } from '../../deps.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/passwords.ts';
import type { VerifiedPasswordCache } from '../../platform/verified-passwords.ts';
import { consumeAttempt, forgiveFailures, forgiveSuccess, readBudget, type RateLimitRule } from '../rate-limit.ts';

export const INVALID_CREDENTIALS_MESSAGE = 'The email address or password is incorrect.';

export interface PasswordChecks<T> {
  /** Checks an account that has no hash of its own (a directory user: an LDAP bind); `null` when it does not apply. */
  otherCheck?: (found: T, password: string) => Promise<boolean | null>;
  /** Passwords verified moments ago (an endpoint a client signs in to on every request); none: argon2 every time. */
  verified?: VerifiedPasswordCache;
}

const withoutHash = <T extends { passwordHash: string | null }>({ passwordHash: _hash, ...account }: T): Omit<T, 'passwordHash'> => account;

/**
 * The password check of every sign-in (operators, users in the portal, devices): the attempt is counted against every
 * rule before the password is looked at, and refused once a limit is passed; an unknown account and a wrong password
 * answer alike and take as long (a dummy hash is verified); a success is forgiven (`forgiveSuccess`), so the windows
 * fill with failures only. A password the `verified` cache remembers for the account's current hash is no guess: its
 * sign-in only reads the budget (`readBudget`), refused past the limit all the same. Returns the account without its
 * hash.
 */
export async function verifyCredentials<T extends { passwordHash: string | null }>(
  deps: Deps,
  rules: RateLimitRule[],
  password: string,
  find: () => Promise<T | null>,
  checks: PasswordChecks<T> = {},
): Promise<Omit<T, 'passwordHash'>> {
  const { otherCheck = async () => null, verified } = checks;
  const now = deps.clock();
  let found: T | null;
  if (verified) {
    // The budget is read while the account is looked up: one round trip, and no write for a remembered password.
    const [budget, account] = await Promise.all([readBudget(deps.db, rules, now), find()]);
    if (account?.passwordHash && verified.remembers(account.passwordHash, password)) {
      if (budget.failures) await forgiveFailures(deps.db, rules);
      return withoutHash(account);
    }
    await consumeAttempt(deps.db, rules, now);
    found = account;
  } else {
    // The account is looked up while the attempt is counted (one round trip, not two); nothing is checked before both are done.
    [, found] = await Promise.all([consumeAttempt(deps.db, rules, now), find()]);
  }
  const verify = verified ? (encoded: string) => verified.verify(encoded, password) : (encoded: string) => verifyPassword(encoded, password);
  const other = found && !found.passwordHash ? await otherCheck(found, password) : null;
  const ok = found?.passwordHash ? await verify(found.passwordHash) : other ?? (await burnPasswordCheck(password), false);
  if (!found || !ok) fail('AUTH.INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
  await forgiveSuccess(deps.db, rules, now);
  return withoutHash(found);
}
