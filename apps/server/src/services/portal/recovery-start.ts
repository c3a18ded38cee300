import { randomInt } from 'node:crypto';
import { fail, failIf } from '@mailyard/core/errors';
import {
  formatRecoveryCode,
  PORTAL_LIMITS,
  RECOVERY_CODE_DIGITS,
  RECOVERY_CODE_MINUTES,
  recoveryAddressRefusal,
  recoveryCodeNotice,
  type StartRecoveryAddressInput,
} from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { listMailDomains } from '@mailyard/db/queries/mail-domains';
import type { PortalAccount } from '@mailyard/db/queries/portal-accounts';
import { upsertRecoveryVerification } from '@mailyard/db/queries/self-service';
import type { Deps } from '../../deps.ts';
import { addMs, MINUTE_MS } from '../../platform/clock.ts';
import { hashPassword } from '../../platform/passwords.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { sendNotice } from '../mail/send-notice.ts';
import { verifyCurrentPassword } from '../passwords/verify-current.ts';
import { consumeAttempt, perUser } from '../rate-limit.ts';
import { lockOwnAccount } from './account.ts';
import { userTarget } from './session.ts';

/**
 * Sends a 6-digit code to a new recovery address; the address takes effect only when the code comes back
 * (`verifyRecoveryAddress`). Replacing a verified address also needs the current password, so a borrowed
 * session cannot redirect the account's recovery.
 */
export async function startRecoveryAddress(
  deps: Deps,
  actor: UserActor,
  account: PortalAccount,
  input: StartRecoveryAddressInput,
): Promise<{ pendingEmail: string; expiresAt: Date }> {
  const now = deps.clock();
  const current = account.recoveryEmailVerifiedAt ? account.recoveryEmail : null;
  if (current) {
    if (!input.currentPassword) {
      fail('PASSWORD.WRONG_CURRENT', 'Enter your current password to change your recovery address.', { field: 'currentPassword' });
    }
    await verifyCurrentPassword(deps.db, actor, input.currentPassword, now);
    if (current === input.email) fail('RECOVERY.ADDRESS_INVALID', `${input.email} is already your recovery address.`, { field: 'email' });
  }
  const domains = (await listMailDomains(deps.db, actor.organizationId)).map((d) => d.domain);
  failIf(recoveryAddressRefusal(input.email, domains));
  // Counted before the code is made: a burst of requests sends at most the limit of codes (and hashes no more).
  await consumeAttempt(deps.db, perUser('portal-recovery-code', PORTAL_LIMITS.recoveryCode, actor), now);

  const code = formatRecoveryCode(randomInt(0, 10 ** RECOVERY_CODE_DIGITS));
  // Hashed like a password: a leaked table must not hand out codes that are still live.
  const codeHash = await hashPassword(code);
  const expiresAt = addMs(now, RECOVERY_CODE_MINUTES * MINUTE_MS);
  await inTransaction(deps.db, async (tx) => {
    const locked = await lockOwnAccount(tx, actor);
    await upsertRecoveryVerification(tx, { ...actor, email: input.email, codeHash, createdAt: now, expiresAt });
    await sendNotice(tx, {
      organizationId: actor.organizationId,
      kind: 'portal.recovery_code',
      to: input.email,
      ...recoveryCodeNotice({ displayName: locked.displayName, address: actor.label, code }),
    }, now);
    await recordAudit(tx, actor, { action: 'user.recovery_address_code_send', target: userTarget(actor), after: { pendingEmail: input.email } }, now);
  });
  return { pendingEmail: input.email, expiresAt };
}
