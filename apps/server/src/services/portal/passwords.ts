import { fail } from '@mailyard/core/errors';
import { assertPassword } from '@mailyard/core/passwords';
import { PASSWORD_HISTORY_DEPTH, PORTAL_LIMITS } from '@mailyard/core/portal';
import type { Db } from '@mailyard/db';
import { findPasswordHash, setPasswordHash } from '@mailyard/db/queries/portal-accounts';
import { pushPasswordHistory, recentPasswordHashes, type UserKey } from '@mailyard/db/queries/self-service';
import type { Deps } from '../../deps.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { consumeAttempt, forgiveSuccess, perUser } from '../rate-limit.ts';

/**
 * Proof that the person at the keyboard is the user, before a sensitive change. Each try is counted per user before
 * the password is checked (outside the change's transaction, so it sticks) and a right one forgiven, which stops a
 * borrowed session from guessing.
 */
export async function verifyCurrentPassword(deps: Deps, user: UserKey, password: string, now: Date): Promise<void> {
  const rules = perUser('portal-current-password', PORTAL_LIMITS.currentPassword, user);
  await consumeAttempt(deps.db, rules, now);
  const hash = await findPasswordHash(deps.db, user);
  if (!hash || !(await verifyPassword(hash, password))) {
    fail('PASSWORD.WRONG_CURRENT', 'Your current password is not correct.', { field: 'currentPassword' });
  }
  await forgiveSuccess(deps.db, rules, now);
}

/**
 * Gives a user a new password, in the caller's transaction: it must meet the policy and differ from each of the
 * user's last five (the current one and the history, verified one by one since each hash has its own salt).
 * The new hash joins the history.
 */
export async function setNewPassword(db: Db, user: UserKey, password: string, now: Date): Promise<void> {
  assertPassword(password);
  const current = await findPasswordHash(db, user);
  const earlier = await recentPasswordHashes(db, user, PASSWORD_HISTORY_DEPTH);
  const lastFive = [...new Set([current, ...earlier].filter((h): h is string => h !== null))].slice(0, PASSWORD_HISTORY_DEPTH);
  const reused = await Promise.all(lastFive.map((hash) => verifyPassword(hash, password)));
  if (reused.includes(true)) {
    fail('PASSWORD.REUSED', `Choose a password you have not used recently: it may not be any of your last ${PASSWORD_HISTORY_DEPTH} passwords.`, {
      field: 'password',
      depth: PASSWORD_HISTORY_DEPTH,
    });
  }
  await storePasswordHash(db, user, await hashPassword(password), now);
}

/**
 * Makes a hashed password the user's, in the caller's transaction, and adds it to the history (pruned to the
 * depth the reuse check reads). Callers check the policy first; only the user's own change also refuses reuse.
 */
export async function storePasswordHash(db: Db, user: UserKey, passwordHash: string, now: Date): Promise<void> {
  await setPasswordHash(db, user, passwordHash, now);
  await pushPasswordHistory(db, { ...user, passwordHash, createdAt: now }, PASSWORD_HISTORY_DEPTH);
}
