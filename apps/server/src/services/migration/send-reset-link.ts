import { MIGRATION_RESET_LINK_HOURS, migratedAccountNotice } from '@mailyard/core/migration';
import { inTransaction } from '@mailyard/db';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { sendNotice } from '../mail/send-notice.ts';
import { createResetLink } from '../portal/reset-link.ts';
import { userTarget } from '../users/require.ts';

/**
 * Mails a migrated user's recovery address (from the operator's CSV) a one-time link to choose a password. The link
 * lives longer than a self-service one: a move is announced days ahead. The audit names where it went, never the link.
 */
export async function sendMigrationResetLink(
  deps: Deps,
  actor: OperatorActor,
  user: { organizationId: string; userId: string; name: string; displayName: string; email: string },
  recoveryAddress: string,
): Promise<void> {
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const link = await createResetLink(tx, deps.config, user, 'operator', now, MIGRATION_RESET_LINK_HOURS * 60);
    await sendNotice(
      tx,
      { organizationId: user.organizationId, kind: 'migration.reset_link', to: recoveryAddress, ...migratedAccountNotice({ displayName: user.displayName, address: user.email, url: link.url }) },
      now,
    );
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.password_reset_link_issue',
        organizationId: user.organizationId,
        target: userTarget({ id: user.userId, name: user.name }),
        after: { expiresAt: link.expiresAt.toISOString(), sentTo: recoveryAddress, reason: 'migration' },
      },
      now,
    );
  });
}
