import { fail } from '@mailyard/core/errors';
import { PORTAL_LIMITS } from '@mailyard/core/portal';
import type { Db } from '@mailyard/db';
import { findPasswordHash } from '@mailyard/db/queries/portal-accounts';
import type { UserKey } from '@mailyard/db/queries/self-service';
import { verifyPassword } from '../../platform/passwords.ts';
import { consumeAttempt, forgiveSuccess, perUser } from '../rate-limit.ts';

/**
 * Proof that the person at the keyboard is the user, before a sensitive change. Each try is counted per user before
 * the password is checked (outside the change's transaction, so it sticks) and a right one forgiven, which stops a
 * borrowed session from guessing.
 */
export async function verifyCurrentPassword(db: Db, user: UserKey, password: string, now: Date): Promise<void> {
  const rules = perUser('portal-current-password', PORTAL_LIMITS.currentPassword, user);
  await consumeAttempt(db, rules, now);
  const hash = await findPasswordHash(db, user);
  if (!hash || !(await verifyPassword(hash, password))) {
    fail('PASSWORD.WRONG_CURRENT', 'Your current password is not correct.', { field: 'currentPassword' });
  }
  await forgiveSuccess(db, rules, now);
}
