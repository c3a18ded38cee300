import { directoryManagedRefusal, type DirectoryOwned } from '@mailyard/core/directories';
import { failIf } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { findOrganizationDirectoryName } from '@mailyard/db/queries/ldap-directories';

/**
 * Refuses a change the directory owns for a user synchronised from it (its name, names and personal details, password,
 * existence), naming the directory so the message says where to make the change. Other users pass.
 */
export async function refuseDirectoryManaged(db: Db, organizationId: string, user: { fromDirectory: boolean }, owned: DirectoryOwned): Promise<void> {
  if (!user.fromDirectory) return;
  const name = (await findOrganizationDirectoryName(db, organizationId)) ?? 'its directory';
  failIf(directoryManagedRefusal(true, owned, name));
}
