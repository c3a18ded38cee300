import type { EnableUsersInput } from '@mailyard/core/users';
import { inTransaction } from '@mailyard/db';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { requireLockedUsers } from './require.ts';
import { enableLockedUser } from './register.ts';

/**
 * The console's Enable dialog: each selected user with the primary address the operator reviewed. All or
 * nothing — one refused row names its field (`users.2.email`) and enables no one.
 */
export async function enableUsers(deps: Deps, actor: OperatorActor, input: EnableUsersInput): Promise<{ users: { userId: string; email: string }[] }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const users = await requireLockedUsers(tx, org.id, input.users.map((u) => u.userId), (i) => `users.${i}.userId`);
    const rows = input.users.map((row, i) => ({ user: users[i]!, email: row.email, field: `users.${i}.email` }));
    // Addresses are claimed in one global order, so two overlapping dialogs cannot deadlock on the address index.
    for (const row of [...rows].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0))) {
      await enableLockedUser(tx, actor, org.id, row.user, row.email, row.field, now);
    }
    return { users: rows.map((r) => ({ userId: r.user.id, email: r.email })) };
  });
}
