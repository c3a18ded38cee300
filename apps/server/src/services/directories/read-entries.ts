import {
  directoryGroupFrom,
  directoryUserFrom,
  type AttributeMapping,
  type DirectoryGroup,
  type DirectoryUser,
  type Mapped,
} from '@mailyard/core/directories';
import { isDomainError } from '@mailyard/core/errors';
import { updateLdapDirectory, type LdapConnectionRow } from '@mailyard/db/queries/ldap-directories';
import type { Deps } from '../../deps.ts';
import { searchEntries } from '../../platform/ldap.ts';
import { connectionOf, withDirectory, type DirectoryConnection } from './connection.ts';

/** Every user and group the directory holds under its base DNs, mapped to Mailyard's side (or why one is skipped). */
export interface DirectorySnapshot {
  users: Mapped<DirectoryUser>[];
  groups: Mapped<DirectoryGroup>[];
}

const present = (names: (string | null)[]) => names.filter((n): n is string => n !== null);

/**
 * Reads the directory bound as its service account, asking only for the mapped attributes. Done before the sync's
 * transaction opens, so no row stays locked while the directory answers; a failure is core's refusal.
 */
export async function readDirectory(
  c: DirectoryConnection & { mapping: AttributeMapping },
  onPage: (entriesRead: number) => Promise<void> = async () => {},
): Promise<DirectorySnapshot> {
  const m = c.mapping;
  const snapshot: DirectorySnapshot = { users: [], groups: [] };
  const userAttributes = present([m.uniqueId, m.userName, m.displayName, m.firstName, m.lastName, m.email, m.telephone, m.department, m.jobTitle]);
  const groupAttributes = present([m.uniqueId, m.groupName, m.groupEmail, m.groupMember]);
  await withDirectory(c, async (client) => {
    await searchEntries(client, { field: 'userBaseDn', dn: c.userBaseDn }, c.userObjectClass, userAttributes, async (page) => {
      for (const entry of page) snapshot.users.push(directoryUserFrom(entry, m));
      await onPage(snapshot.users.length);
    });
    await searchEntries(client, { field: 'groupBaseDn', dn: c.groupBaseDn }, c.groupObjectClass, groupAttributes, async (page) => {
      for (const entry of page) snapshot.groups.push(directoryGroupFrom(entry, m));
      await onPage(snapshot.users.length + snapshot.groups.length);
    });
  });
  return snapshot;
}

/** Reads a registered directory; one that fails is recorded as Unavailable, with the reason, before the refusal goes on. */
export async function readRegisteredDirectory(deps: Deps, row: LdapConnectionRow, onPage?: (entriesRead: number) => Promise<void>): Promise<DirectorySnapshot> {
  try {
    return await readDirectory({ ...connectionOf(deps, row), mapping: row.mapping }, onPage);
  } catch (error) {
    if (isDomainError(error)) await updateLdapDirectory(deps.db, row.id, { health: 'Unavailable', healthMessage: error.message, checkedAt: deps.clock() });
    throw error;
  }
}
