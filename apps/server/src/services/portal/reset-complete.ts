import { fail, failIf } from '@mailyard/core/errors';
import { PORTAL_LIMITS, portalAccessRefusal, type CompletePasswordResetInput, type ResetTokenRef } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { findPortalAccount, type PortalAccount } from '@mailyard/db/queries/portal-accounts';
import { deleteUserSessions, findResetToken, revokeResetTokens, useResetToken } from '@mailyard/db/queries/self-service';
import type { Deps } from '../../deps.ts';
import { hashToken } from '../../platform/tokens.ts';
import { recordAudit } from '../audit.ts';
import { setNewPassword } from '../passwords/set-new.ts';
import { consumeAttempt, type RateLimitRule } from '../rate-limit.ts';
import { refuseDirectoryManaged } from '../directories/managed.ts';
import { lockOwnAccount } from './account.ts';
import { userActorFor, userTarget } from './session.ts';

function tokenRefused(message: string): never {
  fail('RESET.TOKEN_INVALID', message, { field: 'token' });
}

const limits = (ip: string): RateLimitRule[] => [
  { key: `portal-reset-submit:ip:${ip}`, limit: PORTAL_LIMITS.resetSubmit.perIp, windowMinutes: PORTAL_LIMITS.resetSubmit.windowMinutes },
];

/** The live link's account; any other link is refused with what went wrong (the token itself is the secret). */
async function liveLink(deps: Deps, token: string, ip: string, now: Date): Promise<{ account: PortalAccount; issuedBy: string; expiresAt: Date }> {
  await consumeAttempt(deps.db, limits(ip), now);
  const link = await findResetToken(deps.db, hashToken(token));
  if (!link) tokenRefused('This reset link is not valid. Ask for a new one.');
  if (link.usedAt) tokenRefused('This reset link has already been used, or a newer one was sent. Ask for a new one if you still need it.');
  if (link.expiresAt <= now) tokenRefused('This reset link has expired. Ask for a new one.');
  const account = await findPortalAccount(deps.db, link);
  if (!account) tokenRefused('This reset link is not valid. Ask for a new one.');
  failIf(portalAccessRefusal(account));
  return { account, issuedBy: link.issuedBy, expiresAt: link.expiresAt };
}

/** Opening the link: whose password it resets, so the page can say so before the user types. */
export async function checkResetLink(deps: Deps, input: ResetTokenRef, client: { ip: string }): Promise<{ email: string | null; expiresAt: Date }> {
  const now = deps.clock();
  const { account, expiresAt } = await liveLink(deps, input.token, client.ip, now);
  return { email: account.primaryEmail, expiresAt };
}

/**
 * Sets the new password from a reset link. The link is spent only with a password that passes the policy and
 * history (a refused one leaves it usable); success ends every session of the user.
 */
export async function completePasswordReset(deps: Deps, input: CompletePasswordResetInput, client: { ip: string }): Promise<{ email: string | null }> {
  const now = deps.clock();
  const { account, issuedBy } = await liveLink(deps, input.token, client.ip, now);
  const actor = userActorFor(account, 'reset_link');
  return inTransaction(deps.db, async (tx) => {
    await refuseDirectoryManaged(tx, account.organizationId, await lockOwnAccount(tx, actor), 'password');
    if (!(await useResetToken(tx, hashToken(input.token), now))) tokenRefused('This reset link has already been used. Ask for a new one if you still need it.');
    await setNewPassword(tx, actor, input.password, now);
    await revokeResetTokens(tx, actor, now);
    const sessionsEnded = await deleteUserSessions(tx, actor);
    await recordAudit(tx, actor, { action: 'user.password_reset', target: userTarget(actor), after: { issuedBy, sessionsEnded, ip: client.ip } }, now);
    return { email: account.primaryEmail };
  });
}
