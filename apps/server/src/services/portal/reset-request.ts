import { PORTAL_LIMITS, portalAccessRefusal, RESET_LINK_MINUTES, resetLinkNotice, type RequestPasswordResetInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { findPortalAccountByAddress } from '@mailyard/db/queries/portal-accounts';
import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit.ts';
import { sendNotice } from '../mail/send-notice.ts';
import { consumeAttempt, perAddressAndIp } from '../rate-limit.ts';
import { createResetLink } from './reset-link.ts';
import { userActorFor, userTarget } from './session.ts';

/** What "Forgot password" always answers: the same words whether or not the address belongs to anyone. */
export const RESET_REQUESTED_MESSAGE = `If this address belongs to an account with a verified recovery address, a link to reset the password is on its way there. It works for ${RESET_LINK_MINUTES} minutes.`;

/**
 * "Forgot password": sends a single-use link to the account's verified recovery address. Every request counts
 * against the limits, known address or not, and the answer never tells which it was; the mail leaves through
 * the outbox job, so the answer does not wait for (or time) the relay.
 */
export async function requestPasswordReset(deps: Deps, input: RequestPasswordResetInput, client: { ip: string }): Promise<{ message: string }> {
  const now = deps.clock();
  await consumeAttempt(deps.db, perAddressAndIp('portal-reset', PORTAL_LIMITS.resetRequest, input.email, client.ip), now);

  const account = await findPortalAccountByAddress(deps.db, input.email);
  if (account) {
    const actor = userActorFor(account, 'forgot_password');
    const recovery = account.recoveryEmailVerifiedAt ? account.recoveryEmail : null;
    const refused = portalAccessRefusal(account);
    await inTransaction(deps.db, async (tx) => {
      if (recovery && !refused) {
        const link = await createResetLink(tx, deps.config, account, 'self', now);
        await sendNotice(tx, {
          organizationId: account.organizationId,
          kind: 'portal.reset_link',
          to: recovery,
          ...resetLinkNotice({ displayName: account.displayName, address: actor.label, url: link.url }),
        }, now);
      }
      // Operators see every request, also those that sent nothing, and why.
      const outcome = refused ? 'account_unavailable' : recovery ? 'link_sent' : 'no_recovery_address';
      await recordAudit(
        tx,
        actor,
        { action: 'user.password_reset_request', target: userTarget(actor), after: { outcome, ip: client.ip, ...(recovery && !refused ? { sentTo: recovery } : {}) } },
        now,
      );
    });
  }
  return { message: RESET_REQUESTED_MESSAGE };
}
