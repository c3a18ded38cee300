import { failIf } from '@mailyard/core/errors';
import { assertPassword, lastPasswordHashes, PASSWORD_HISTORY_DEPTH, passwordReusedRefusal } from '@mailyard/core/passwords';
import type { Db } from '@mailyard/db';
import { findPasswordHash } from '@mailyard/db/queries/portal-accounts';
import { recentPasswordHashes, type UserKey } from '@mailyard/db/queries/self-service';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { storePasswordHash } from './store.ts';

/**
 * A user gives themselves a new password (the portal's change and reset), in the caller's transaction: it must
 * meet the policy and differ from each of the user's last five (the current one and the history, verified one by
 * one since each hash has its own salt). The new hash joins the history.
 */
export async function setNewPassword(db: Db, user: UserKey, password: string, now: Date): Promise<void> {
  assertPassword(password);
  const current = await findPasswordHash(db, user);
  const earlier = await recentPasswordHashes(db, user, PASSWORD_HISTORY_DEPTH);
  const reused = await Promise.all(lastPasswordHashes(current, earlier).map((hash) => verifyPassword(hash, password)));
  if (reused.includes(true)) failIf(passwordReusedRefusal());
  await storePasswordHash(db, user, await hashPassword(password), now);
}
