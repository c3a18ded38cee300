import { failIf } from '@mailyard/core/errors';
import { canDelete, type UserRef } from '@mailyard/core/users';
import { inTransaction } from '@mailyard/db';
import { updateUser } from '@mailyard/db/queries/users';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { releaseEntity } from '../entities/release.ts';
import { refuseDirectoryManaged } from '../directories/managed.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { requireUser, userFacts, userTarget } from './require.ts';

/**
 * Deletes a disabled user (WorkMail's DeleteUser): state DELETED, its addresses freed for anyone to take, its
 * name free for a new user, out of its groups and every mailbox permission, its password gone. The mailbox keeps
 * its scheduled deletion.
 */
export async function deleteUser(deps: Deps, actor: OperatorActor, input: UserRef): Promise<void> {
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const user = await requireUser(tx, org.id, input.userId, { lock: true });
    failIf(canDelete(userFacts(user)));
    await refuseDirectoryManaged(tx, org.id, user, 'delete');
    const released = await releaseEntity(tx, org.id, user.id);
    await updateUser(tx, org.id, user.id, { state: 'DELETED', email: null, passwordHash: null, updatedAt: now });
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.delete',
        organizationId: org.id,
        target: userTarget(user),
        before: { state: user.state, email: user.email },
        after: { state: 'DELETED', ...released },
      },
      now,
    );
  });
}
