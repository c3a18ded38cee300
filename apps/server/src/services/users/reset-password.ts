import { failIf } from '@mailyard/core/errors';
import { canEdit, type UserRecord } from '@mailyard/core/users';
import { inTransaction, type Db } from '@mailyard/db';
import { deleteUserSessions, revokeResetTokens } from '@mailyard/db/queries/self-service';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { refuseDirectoryManaged } from '../directories/managed.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { hashNewPassword } from '../passwords/hash-new.ts';
import { storePasswordHash } from '../passwords/store.ts';
import { requireUser, userFacts, userTarget } from './require.ts';

/**
 * An operator sets a user's password ("Resetting user passwords"; WorkMail's ResetPassword). The built-in policy
 * applies, naming every rule a refused password breaks; the user's portal sessions end, since whoever held the
 * old password may hold them, and reset links sent earlier stop working. The audit event never carries the password.
 */
export async function resetPassword(deps: Deps, actor: OperatorActor, input: { organizationId: string; userId: string; password: string }): Promise<void> {
  const passwordHash = await hashNewPassword(input.password);
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const user = await requireUser(tx, org.id, input.userId, { lock: true });
    failIf(canEdit(userFacts(user)));
    await refuseDirectoryManaged(tx, org.id, user, 'password');
    await setPasswordOfLockedUser(tx, actor, org.id, user, passwordHash, now);
  });
}

/**
 * Gives a locked user a new password in the caller's transaction (Reset password, and Enable with a password): the
 * user's portal sessions end and earlier reset links stop working; audited as a reset, without the password.
 */
export async function setPasswordOfLockedUser(tx: Db, actor: OperatorActor, organizationId: string, user: UserRecord, passwordHash: string, now: Date): Promise<void> {
  const key = { organizationId, userId: user.id };
  await storePasswordHash(tx, key, passwordHash, now);
  await revokeResetTokens(tx, key, now);
  const sessionsEnded = await deleteUserSessions(tx, key);
  await recordAudit(tx, actor, { action: 'user.password_reset', organizationId, target: userTarget(user), after: { sessionsEnded } }, now);
}
