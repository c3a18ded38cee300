import type { SyncDirectoryInput, SyncReport } from '@mailyard/core/directories';
import { fail } from '@mailyard/core/errors';
import { findDirectoryUser } from '@mailyard/db/queries/ldap-directories';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { requireDirectoryConnection } from './require.ts';
import { runDirectorySync } from './run-sync.ts';

/**
 * *Sync now*: the organization using the directory takes what the directory holds at once; returns the report. Allowed
 * while the organization is Impaired too: a good sync is how it returns to Active.
 */
export async function syncDirectoryNow(deps: Deps, actor: OperatorActor, input: SyncDirectoryInput): Promise<SyncReport> {
  const row = await requireDirectoryConnection(deps.db, actor, input.directoryId);
  const user = await findDirectoryUser(deps.db, row.id);
  if (!user) fail('DIRECTORY.NOT_IN_USE', `No organization uses directory ${row.id} yet: create one with Standard setup, which synchronises it.`, { field: 'directoryId' });
  // The scope check (a token limited to some organizations) before the directory is asked anything.
  await requireOrganization(deps.db, actor, user.id);
  return runDirectorySync(deps, actor, row, user.id, (tx) => requireOrganization(tx, actor, user.id, { lock: 'update' }), input);
}
