import { fail } from '@mailyard/core/errors';
import { recoveryChangedNotice, type RemoveRecoveryAddressInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { setRecoveryAddress } from '@mailyard/db/queries/portal-accounts';
import { deleteRecoveryVerification } from '@mailyard/db/queries/self-service';
import type { Deps } from '../../deps.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { sendNotice } from '../mail/send-notice.ts';
import { verifyCurrentPassword } from '../passwords/verify-current.ts';
import { lockOwnAccount } from './account.ts';
import { userTarget } from './session.ts';

/** Drops the recovery address (and any pending one); needs the current password, and the old address is told. */
export async function removeRecoveryAddress(deps: Deps, actor: UserActor, input: RemoveRecoveryAddressInput): Promise<void> {
  const now = deps.clock();
  await verifyCurrentPassword(deps.db, actor, input.currentPassword, now);
  await inTransaction(deps.db, async (tx) => {
    const account = await lockOwnAccount(tx, actor);
    const previous = account.recoveryEmailVerifiedAt ? account.recoveryEmail : null;
    if (!previous) fail('RECOVERY.NOT_VERIFIED', 'You have no recovery address to remove.');
    await setRecoveryAddress(tx, actor, null, now);
    await deleteRecoveryVerification(tx, actor);
    await sendNotice(tx, {
      organizationId: actor.organizationId,
      kind: 'portal.recovery_changed',
      to: previous,
      ...recoveryChangedNotice({ displayName: account.displayName, address: actor.label, newAddress: null }),
    }, now);
    await recordAudit(tx, actor, { action: 'user.recovery_address_remove', target: userTarget(actor), before: { recoveryEmail: previous }, after: { recoveryEmail: null } }, now);
  });
}
