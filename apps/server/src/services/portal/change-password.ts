import type { ChangePasswordInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { deleteUserSessions, revokeResetTokens } from '@mailyard/db/queries/self-service';
import type { Deps } from '../../deps.ts';
import { hashToken } from '../../platform/tokens.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { setNewPassword } from '../passwords/set-new.ts';
import { verifyCurrentPassword } from '../passwords/verify-current.ts';
import { refuseDirectoryManaged } from '../directories/managed.ts';
import { lockOwnAccount } from './account.ts';
import { userTarget } from './session.ts';

/**
 * The user changes their own password. Every other session ends (whoever else was signed in is out), this one
 * stays; reset links still outstanding stop working.
 */
export async function changePassword(
  deps: Deps,
  actor: UserActor,
  sessionToken: string | null,
  input: ChangePasswordInput,
): Promise<{ otherSessionsEnded: number }> {
  const now = deps.clock();
  await verifyCurrentPassword(deps.db, actor, input.currentPassword, now);
  return inTransaction(deps.db, async (tx) => {
    const account = await lockOwnAccount(tx, actor);
    await refuseDirectoryManaged(tx, actor.organizationId, account, 'password');
    await setNewPassword(tx, actor, input.password, now);
    const otherSessionsEnded = await deleteUserSessions(tx, actor, sessionToken ? hashToken(sessionToken) : null);
    await revokeResetTokens(tx, actor, now);
    await recordAudit(tx, actor, { action: 'user.password_change', target: userTarget(actor), after: { otherSessionsEnded } }, now);
    return { otherSessionsEnded };
  });
}
