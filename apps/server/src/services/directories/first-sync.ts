import { isDomainError } from '@mailyard/core/errors';
import { inTransaction } from '@mailyard/db';
import { findLdapConnection, type LdapConnectionRow } from '@mailyard/db/queries/ldap-directories';
import { lockOrganization } from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import { PermanentJobError } from '../../platform/permanent-error.ts';
import { readRegisteredDirectory, type DirectorySnapshot } from './read-entries.ts';

/**
 * Standard setup's validation, before the organization becomes Active: reach the directory, bind, find both base DNs,
 * and read its users and groups (outside any transaction), for the workflow's sync step to write. A directory that
 * fails ends the organization `Failed` with the reason a person can act on: retrying cannot fix a wrong password.
 * `null` for Quick setup, or an organization no longer being created.
 */
export async function readDirectoryForSetup(
  deps: Deps,
  organizationId: string,
): Promise<{ directory: LdapConnectionRow; snapshot: DirectorySnapshot; startedAt: Date } | null> {
  const org = await inTransaction(deps.db, (tx) => lockOrganization(tx, organizationId));
  if (!org || org.state !== 'Creating' || org.directoryType !== 'ExternalDirectory' || !org.directoryId) return null;
  const directory = await findLdapConnection(deps.db, org.directoryId);
  if (!directory) throw new PermanentJobError(`Directory ${org.directoryId} is no longer registered.`);
  const startedAt = deps.clock();
  try {
    return { directory, snapshot: await readRegisteredDirectory(deps, directory), startedAt };
  } catch (error) {
    throw isDomainError(error) ? new PermanentJobError(error.message) : error;
  }
}
