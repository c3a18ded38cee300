import type { DirectoryDetail } from '@mailyard/core/directories';
import { fail } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { findLdapConnection, findLdapDirectory } from '@mailyard/db/queries/ldap-directories';
import type { OperatorActor } from '../actor.ts';

const notFound = (directoryId: string): never =>
  fail('DIRECTORY.NOT_FOUND', `Directory ${directoryId} was not found.`, { field: 'directoryId' });

/** The account's directory; another account's is "not found", like one that never existed. */
export async function requireDirectory(db: Db, actor: OperatorActor, directoryId: string): Promise<DirectoryDetail> {
  return (await findLdapDirectory(db, actor.accountId, directoryId)) ?? notFound(directoryId);
}

/** The account's directory with what connecting needs (the sealed bind password). `lock` holds its row. */
export async function requireDirectoryConnection(db: Db, actor: OperatorActor, directoryId: string, lock?: 'update') {
  const row = await findLdapConnection(db, directoryId, lock);
  return row && row.accountId === actor.accountId ? row : notFound(directoryId);
}

export const directoryTarget = (d: { id: string; name: string }) => ({ type: 'directory', id: d.id, label: d.name });
