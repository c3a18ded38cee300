import { failIf } from '@mailyard/core/errors';
import { directoryManagedChanges } from '@mailyard/core/directories';
import { canChangeRole, canEdit, type UpdateUserInput } from '@mailyard/core/users';
import { inTransaction } from '@mailyard/db';
import { updateUser, type UserPatch } from '@mailyard/db/queries/users';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { refuseDirectoryManaged } from '../directories/managed.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { requireUser, userFacts, userTarget } from './require.ts';

type Changes = Omit<UpdateUserInput, 'organizationId' | 'userId'>;

/**
 * "Editing user details" and WorkMail's UpdateUser (which may also move a user between USER and REMOTE_USER, and
 * set or clear its identity-provider link): only the fields present change, `null` clears one. One transaction;
 * the audit event holds the changed fields only, before and after.
 */
export async function updateUserDetails(deps: Deps, actor: OperatorActor, input: UpdateUserInput): Promise<void> {
  const { organizationId, userId, ...changes } = input;
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, organizationId);
    const user = await requireUser(tx, org.id, userId, { lock: true });
    failIf(canEdit(userFacts(user)));
    if (changes.role !== undefined) failIf(canChangeRole(userFacts(user), changes.role));
    const before: Partial<Changes> = {};
    const after: Partial<Changes> = {};
    for (const [field, value] of Object.entries(changes) as [keyof Changes, Changes[keyof Changes]][]) {
      if (value === undefined || value === user[field]) continue;
      (before as Record<string, unknown>)[field] = user[field];
      (after as Record<string, unknown>)[field] = value;
    }
    if (Object.keys(after).length === 0) return;
    if (directoryManagedChanges(Object.keys(after)).length > 0) await refuseDirectoryManaged(tx, org.id, user, 'details');
    await updateUser(tx, org.id, user.id, { ...(after as Omit<UserPatch, 'updatedAt'>), updatedAt: now });
    await recordAudit(tx, actor, { action: 'user.update', organizationId: org.id, target: userTarget(user), before, after }, now);
  });
}
