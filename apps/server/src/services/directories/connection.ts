import { connectionFailureRefusal, type ConnectionTestResult, type DirectoryConnectionSettings } from '@mailyard/core/directories';
import { failIf } from '@mailyard/core/errors';
import type { LdapConnectionRow } from '@mailyard/db/queries/ldap-directories';
import type { Deps } from '../../deps.ts';
import { countEntries, LdapError, withLdap, type LdapTarget } from '../../platform/ldap.ts';

/** What binding and searching a directory needs, with the bind password in the clear (never stored so). */
export interface DirectoryConnection extends LdapTarget {
  bindDn: string;
  bindPassword: string;
  userBaseDn: string;
  groupBaseDn: string;
  userObjectClass: string;
  groupObjectClass: string;
}

/** A registered directory's connection: its bind password unsealed with the master key. */
export const connectionOf = (deps: Deps, row: LdapConnectionRow): DirectoryConnection => ({
  ...row,
  bindPassword: deps.masterKey.open(row.sealedBindPassword).toString('utf8'),
});

export const connectionFromSettings = (s: DirectoryConnectionSettings): DirectoryConnection => s;

/** Runs `work` bound as the directory's service account; a directory failure is thrown as core's refusal. */
export async function withDirectory<T>(c: DirectoryConnection, work: Parameters<typeof withLdap<T>>[2]): Promise<T> {
  try {
    return await withLdap(c, { dn: c.bindDn, password: c.bindPassword }, work);
  } catch (error) {
    if (error instanceof LdapError) failIf(connectionFailureRefusal(error.failure, { url: c.url, bindDn: c.bindDn }));
    throw error;
  }
}

/** *Test connection*: bind, then count the users and groups the base DNs and object classes find. */
export async function probeDirectory(c: DirectoryConnection): Promise<ConnectionTestResult> {
  return withDirectory(c, async (client) => ({
    users: await countEntries(client, { field: 'userBaseDn', dn: c.userBaseDn }, c.userObjectClass),
    groups: await countEntries(client, { field: 'groupBaseDn', dn: c.groupBaseDn }, c.groupObjectClass),
  }));
}
