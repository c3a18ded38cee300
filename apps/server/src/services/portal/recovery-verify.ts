import { fail } from '@mailyard/core/errors';
import { RECOVERY_CODE_MAX_ATTEMPTS, recoveryChangedNotice, type VerifyRecoveryAddressInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { setRecoveryAddress } from '@mailyard/db/queries/portal-accounts';
import { claimRecoveryAttempt, deleteRecoveryVerification, findRecoveryVerification } from '@mailyard/db/queries/self-service';
import type { Deps } from '../../deps.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { sendNotice } from '../mail/send-notice.ts';
import { lockOwnAccount } from './account.ts';
import { userTarget } from './session.ts';

function codeRefused(message: string): never {
  fail('RECOVERY.CODE_INVALID', message, { field: 'code' });
}

/**
 * The code from the message proves the user reads the new address: it becomes the recovery address, and the
 * former one (if any) is told. Each code has a few tries; then a new one must be asked for.
 */
export async function verifyRecoveryAddress(deps: Deps, actor: UserActor, input: VerifyRecoveryAddressInput): Promise<{ email: string }> {
  const now = deps.clock();
  const pending = await findRecoveryVerification(deps.db, actor);
  if (!pending) codeRefused('No code is waiting for you. Enter a recovery address to get one.');
  if (pending.expiresAt <= now) codeRefused('This code has expired. Ask for a new one.');
  const claimed = await claimRecoveryAttempt(deps.db, actor, RECOVERY_CODE_MAX_ATTEMPTS, now);
  if (!claimed) codeRefused('Too many wrong codes. Ask for a new one.');
  if (!(await verifyPassword(claimed.codeHash, input.code))) {
    const left = RECOVERY_CODE_MAX_ATTEMPTS - claimed.attempts;
    codeRefused(left > 0 ? `The code is not correct. ${left} ${left === 1 ? 'try' : 'tries'} left.` : 'The code is not correct. Ask for a new one.');
  }

  return inTransaction(deps.db, async (tx) => {
    const account = await lockOwnAccount(tx, actor);
    // A new code asked for meanwhile replaced this one: only the newest counts.
    const still = await findRecoveryVerification(tx, actor);
    if (!still || still.codeHash !== claimed.codeHash) codeRefused('A newer code was sent. Enter the code from the latest message.');
    const previous = account.recoveryEmailVerifiedAt ? account.recoveryEmail : null;
    await setRecoveryAddress(tx, actor, claimed.email, now);
    await deleteRecoveryVerification(tx, actor);
    if (previous && previous !== claimed.email) {
      await sendNotice(tx, {
        organizationId: actor.organizationId,
        kind: 'portal.recovery_changed',
        to: previous,
        ...recoveryChangedNotice({ displayName: account.displayName, address: actor.label, newAddress: claimed.email }),
      }, now);
    }
    await recordAudit(
      tx,
      actor,
      { action: 'user.recovery_address_set', target: userTarget(actor), before: { recoveryEmail: previous }, after: { recoveryEmail: claimed.email } },
      now,
    );
    return { email: claimed.email };
  });
}
