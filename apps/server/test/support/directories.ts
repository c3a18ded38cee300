import { Attribute, Change } from 'ldapts';
import { presetSettings, type DirectoryConnectionSettings } from '@mailyard/core/directories';
import type { OperatorActor } from '../../src/services/actor.ts';
import { listLinkedUsers } from '@mailyard/db/queries/directory-sync';
import { uniqueAlias } from './aws.ts';
import { callerFor } from './caller.ts';
import type { TestDeps } from './deps.ts';
import { AD_BASE, SERVICE_DN, SERVICE_PASSWORD } from './directory-seed.ts';
import { SUFFIX, type RunningSlapd } from './slapd.ts';

/** The OpenLDAP preset aimed at the test directory's people and groups, bound as its service account. */
export const openLdapSettings = (url: string): DirectoryConnectionSettings => ({
  preset: 'OpenLDAP',
  url,
  startTls: false,
  caCertificate: null,
  bindDn: SERVICE_DN,
  bindPassword: SERVICE_PASSWORD,
  userBaseDn: `ou=people,${SUFFIX}`,
  groupBaseDn: `ou=groups,${SUFFIX}`,
  ...presetSettings.OpenLDAP,
});

/** The Active Directory preset aimed at the test directory's AD-shaped subtree. */
export const activeDirectorySettings = (url: string): DirectoryConnectionSettings => ({
  preset: 'ActiveDirectory',
  url,
  startTls: false,
  caCertificate: null,
  bindDn: SERVICE_DN,
  bindPassword: SERVICE_PASSWORD,
  userBaseDn: `ou=Users,${AD_BASE}`,
  groupBaseDn: `ou=Groups,${AD_BASE}`,
  ...presetSettings.ActiveDirectory,
});

/** Replaces one attribute of an entry of the test directory, as its administrator. */
export const replaceAttribute = (slapd: RunningSlapd, dn: string, type: string, value: string) =>
  slapd.admin((client) => client.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) })));

/**
 * A Standard-setup organization on the test directory (OpenLDAP preset): registered, created, and provisioned — its
 * first sync included — by a running server's worker. `userIds` maps the directory's user names to Mailyard's ids.
 */
export async function createDirectoryOrganization(deps: TestDeps, operator: OperatorActor, slapd: RunningSlapd, aliasPrefix: string) {
  const caller = callerFor(deps, operator);
  const directory = await caller.directories.register({ name: 'Corp Directory', ...openLdapSettings(slapd.url) });
  const { organizationId } = await caller.organizations.create({ alias: uniqueAlias(aliasPrefix), directoryId: directory.id });
  let org = await caller.organizations.get({ organizationId });
  for (let i = 0; org.state === 'Requested' || org.state === 'Creating'; i++) {
    if (i > 600) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
    org = await caller.organizations.get({ organizationId });
  }
  if (org.state !== 'Active') throw new Error(`organization ${organizationId} is ${org.state}, not Active: ${org.errorMessage ?? 'still provisioning'}`);
  const domain = org.defaultMailDomain!;
  const userIds: Record<string, string> = {};
  for (const u of await listLinkedUsers(deps.db, organizationId)) userIds[u.current.name] = u.id;
  return { directoryId: directory.id, organizationId, domain, userIds };
}
