import { fail } from '@mailyard/core/errors';
import { PORTAL_LIMITS, portalAccessRefusal } from '@mailyard/core/portal';
import type { UserRef } from '@mailyard/core/users';
import { inTransaction } from '@mailyard/db';
import { findPortalAccount } from '@mailyard/db/queries/portal-accounts';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { consumeAttempt, perUser } from '../rate-limit.ts';
import { createResetLink } from './reset-link.ts';

/**
 * An operator hands a user a one-time reset link (for a user without a recovery address, say). The link is
 * returned once and never stored in the clear; it expires like a self-service one.
 */
export async function issueResetLink(deps: Deps, actor: OperatorActor, input: UserRef): Promise<{ url: string; expiresAt: Date }> {
  const now = deps.clock();
  await requireActiveOrganization(deps.db, actor, input.organizationId);
  return inTransaction(deps.db, async (tx) => {
    const user = { organizationId: input.organizationId, userId: input.userId };
    const account = await findPortalAccount(tx, user, 'update');
    if (!account || account.state === 'DELETED') fail('USER.NOT_FOUND', `User ${input.userId} was not found.`, { field: 'userId' });
    if (portalAccessRefusal(account)) {
      fail('USER.INVALID_STATE', `User "${account.name}" cannot use the self-service portal: only an enabled user with a password can reset it there.`, {
        state: account.state,
        role: account.role,
      });
    }
    // Counted in the transaction: a refusal above spends nothing, and the count's row lock orders concurrent issues.
    await consumeAttempt(tx, perUser('portal-operator-reset', PORTAL_LIMITS.operatorResetLink, input), now);
    const link = await createResetLink(tx, deps.config, user, 'operator', now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.password_reset_link_issue',
        organizationId: input.organizationId,
        target: { type: 'user', id: input.userId, label: account.primaryEmail ?? account.name },
        after: { expiresAt: link.expiresAt.toISOString() },
      },
      now,
    );
    return link;
  });
}
