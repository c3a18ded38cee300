import { type ConnectionTestResult, type DirectoryConnectionSettings, type DirectoryRef } from '@mailyard/core/directories';
import { isDomainError } from '@mailyard/core/errors';
import { updateLdapDirectory } from '@mailyard/db/queries/ldap-directories';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { connectionFromSettings, connectionOf, probeDirectory } from './connection.ts';
import { requireDirectoryConnection } from './require.ts';

/** The register form's *Test connection*: settings not saved yet; nothing is written. */
export async function testDirectorySettings(_deps: Deps, _actor: OperatorActor, input: DirectoryConnectionSettings): Promise<ConnectionTestResult> {
  return probeDirectory(connectionFromSettings(input));
}

/** *Test connection* of a registered directory; what it finds is kept as the directory's health. */
export async function testDirectory(deps: Deps, actor: OperatorActor, input: DirectoryRef): Promise<ConnectionTestResult> {
  const row = await requireDirectoryConnection(deps.db, actor, input.directoryId);
  try {
    const result = await probeDirectory(connectionOf(deps, row));
    await updateLdapDirectory(deps.db, row.id, { health: 'Healthy', healthMessage: null, checkedAt: deps.clock() });
    return result;
  } catch (error) {
    if (isDomainError(error)) await updateLdapDirectory(deps.db, row.id, { health: 'Unavailable', healthMessage: error.message, checkedAt: deps.clock() });
    throw error;
  }
}
