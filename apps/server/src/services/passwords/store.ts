import { PASSWORD_HISTORY_DEPTH } from '@mailyard/core/passwords';
import type { Db } from '@mailyard/db';
import { setPasswordHash } from '@mailyard/db/queries/portal-accounts';
import { pushPasswordHistory, type UserKey } from '@mailyard/db/queries/self-service';

/**
 * Makes a hashed password the user's, in the caller's transaction, and adds it to the history (pruned to the
 * depth the reuse check reads). Callers check the policy first; only the user's own change also refuses reuse.
 */
export async function storePasswordHash(db: Db, user: UserKey, passwordHash: string, now: Date): Promise<void> {
  await setPasswordHash(db, user, passwordHash, now);
  await pushPasswordHistory(db, { ...user, passwordHash, createdAt: now }, PASSWORD_HISTORY_DEPTH);
}
