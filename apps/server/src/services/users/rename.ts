import { failIf } from '@mailyard/core/errors';
import { canRename, reservedNameRefusal, type RenameUserInput } from '@mailyard/core/users';
import { inTransaction } from '@mailyard/db';
import { updateUser } from '@mailyard/db/queries/users';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { refuseDirectoryManaged } from '../directories/managed.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { requireUser, userFacts, userTarget } from './require.ts';
import { claimEntityName, failOnNameIndex } from '../entities/claim-name.ts';

/** Renames a user; a change of case only is allowed. System users keep their names. */
export async function renameUser(deps: Deps, actor: OperatorActor, input: RenameUserInput): Promise<void> {
  failIf(reservedNameRefusal(input.name, 'user'));
  const now = deps.clock();
  try {
    await inTransaction(deps.db, async (tx) => {
      const org = await requireActiveOrganization(tx, actor, input.organizationId);
      const user = await requireUser(tx, org.id, input.userId, { lock: true });
      failIf(canRename(userFacts(user)));
      if (user.name === input.name) return;
      await refuseDirectoryManaged(tx, org.id, user, 'name');
      await claimEntityName(tx, org.id, { type: 'USER', name: input.name, id: user.id });
      await updateUser(tx, org.id, user.id, { name: input.name, updatedAt: now });
      await recordAudit(tx, actor, { action: 'user.rename', organizationId: org.id, target: userTarget(user), before: { name: user.name }, after: { name: input.name } }, now);
    });
  } catch (error) {
    failOnNameIndex(error, 'users_name_key', { type: 'USER', name: input.name });
    throw error;
  }
}
