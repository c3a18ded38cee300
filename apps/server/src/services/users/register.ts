import { failIf } from '@mailyard/core/errors';
import { canEnable, type UserRecord } from '@mailyard/core/users';
import { inTransaction, type Db } from '@mailyard/db';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { addressOrigin } from '../addresses/claim.ts';
import { refusedAt, requireUser, userFacts, userTarget } from './require.ts';
import { activateUser } from './activate.ts';

/**
 * Enables one locked user with `email`, in the caller's transaction, under WorkMail's RegisterToWorkMail rules:
 * a no-op for a user already enabled with that address, refused with another address or when deleted.
 * `field` names the input the errors are about (`email`, `users.3.email`).
 */
export async function enableLockedUser(
  tx: Db,
  actor: OperatorActor,
  organizationId: string,
  user: UserRecord,
  email: string,
  field: string,
  now: Date,
): Promise<void> {
  failIf(refusedAt(canEnable(userFacts(user), email), field));
  if (user.state === 'ENABLED') return;
  const mailbox = await activateUser(tx, organizationId, user, email, { field, origin: addressOrigin(actor), now });
  await recordAudit(
    tx,
    actor,
    {
      action: 'user.enable',
      organizationId,
      target: userTarget(user),
      before: { state: user.state, email: user.email },
      after: { state: 'ENABLED', email, mailbox },
    },
    now,
  );
}

/** WorkMail's RegisterToWorkMail for a user. */
export async function registerUser(deps: Deps, actor: OperatorActor, input: { organizationId: string; userId: string; email: string }): Promise<void> {
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const user = await requireUser(tx, org.id, input.userId, { lock: true });
    await enableLockedUser(tx, actor, org.id, user, input.email, 'email', now);
  });
}
