import { assertPassword } from '@mailyard/core/passwords';
import type { EnableUsersInput } from '@mailyard/core/users';
import { inTransaction } from '@mailyard/db';
import type { Deps } from '../../deps.ts';
import { hashPassword } from '../../platform/passwords.ts';
import type { OperatorActor } from '../actor.ts';
import { refuseDirectoryManaged } from '../directories/managed.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { requireLockedUsers } from './require.ts';
import { enableLockedUser } from './register.ts';
import { setPasswordOfLockedUser } from './reset-password.ts';

/**
 * The console's Enable dialog: each selected user with the primary address the operator reviewed, and the password
 * given to a user who had none. All or nothing — one refused row names its field (`users.2.email`,
 * `users.2.password`) and enables no one, and no password is set.
 */
export async function enableUsers(deps: Deps, actor: OperatorActor, input: EnableUsersInput): Promise<{ users: { userId: string; email: string }[] }> {
  // Every password is checked against the policy before anything is hashed or locked; hashing runs off the thread.
  input.users.forEach((row, i) => row.password !== undefined && assertPassword(row.password, `users.${i}.password`));
  const hashes = await Promise.all(input.users.map((row) => (row.password === undefined ? null : hashPassword(row.password))));
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const users = await requireLockedUsers(tx, org.id, input.users.map((u) => u.userId), (i) => `users.${i}.userId`);
    const rows = input.users.map((row, i) => ({ user: users[i]!, email: row.email, field: `users.${i}.email`, passwordHash: hashes[i] }));
    // Addresses are claimed in one global order, so two overlapping dialogs cannot deadlock on the address index.
    for (const row of [...rows].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0))) {
      // A directory user signs in with the directory's password: Mailyard stores none for it.
      if (row.passwordHash) await refuseDirectoryManaged(tx, org.id, row.user, 'password');
      await enableLockedUser(tx, actor, org.id, row.user, row.email, row.field, now);
      if (row.passwordHash) await setPasswordOfLockedUser(tx, actor, org.id, row.user, row.passwordHash, now);
    }
    return { users: rows.map((r) => ({ userId: r.user.id, email: r.email })) };
  });
}
