import type { DirectoryRef } from '@mailyard/core/directories';
import { fail } from '@mailyard/core/errors';
import { inTransaction } from '@mailyard/db';
import { deleteLdapDirectory, findDirectoryUser } from '@mailyard/db/queries/ldap-directories';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { directoryTarget, requireDirectoryConnection } from './require.ts';

/** Removes a directory no live organization uses; the one an organization uses goes only with the organization. */
export async function deregisterDirectory(deps: Deps, actor: OperatorActor, input: DirectoryRef): Promise<void> {
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const row = await requireDirectoryConnection(tx, actor, input.directoryId, 'update');
    const user = await findDirectoryUser(tx, row.id);
    if (user) fail('DIRECTORY.IN_USE', `Directory ${row.id} is used by the organization "${user.alias}": delete the organization first.`, { field: 'directoryId' });
    await deleteLdapDirectory(tx, actor.accountId, row.id);
    await recordAudit(tx, actor, { action: 'directory.deregister', target: directoryTarget(row), before: { name: row.name, url: row.url } }, now);
  });
}
