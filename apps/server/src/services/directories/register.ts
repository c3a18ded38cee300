import { directoryIdFrom, type DirectoryDetail, type RegisterDirectoryInput } from '@mailyard/core/directories';
import { fail } from '@mailyard/core/errors';
import { inTransaction, violatedUniqueConstraint } from '@mailyard/db';
import { insertLdapDirectory, ldapDirectoryNameExists } from '@mailyard/db/queries/ldap-directories';
import type { Deps } from '../../deps.ts';
import { randomBytesArray } from '../../platform/tokens.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { connectionFromSettings, probeDirectory } from './connection.ts';
import { directoryTarget, requireDirectory } from './require.ts';

const nameTaken = (name: string): never =>
  fail('DIRECTORY.NAME_TAKEN', `A directory named "${name}" is already registered. Choose another name.`, { field: 'name' });

/**
 * Registers a directory connection of the account. The directory must answer first (bind, both base DNs found), so a
 * registered directory is one Standard setup can use; the bind password is stored sealed by the master key.
 */
export async function registerDirectory(deps: Deps, actor: OperatorActor, input: RegisterDirectoryInput): Promise<DirectoryDetail> {
  if (actor.organizationIds) fail('AUTH.READ_ONLY', 'This API token is limited to chosen organizations and cannot register directories.');
  if (await ldapDirectoryNameExists(deps.db, actor.accountId, input.name)) nameTaken(input.name);
  await probeDirectory(connectionFromSettings(input));
  const now = deps.clock();
  const id = directoryIdFrom(randomBytesArray(5));
  const { bindPassword, ...settings } = input;
  try {
    await inTransaction(deps.db, async (tx) => {
      await insertLdapDirectory(tx, {
        id,
        accountId: actor.accountId,
        ...settings,
        sealedBindPassword: deps.masterKey.seal(bindPassword),
        health: 'Healthy',
        checkedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      // The bind password is never audited.
      await recordAudit(tx, actor, { action: 'directory.register', target: directoryTarget({ id, name: input.name }), after: settings }, now);
    });
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'ldap_directories_name_key') nameTaken(input.name);
    throw error;
  }
  return requireDirectory(deps.db, actor, id);
}
