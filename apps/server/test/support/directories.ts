import { Attribute, Change } from 'ldapts';
import { presetSettings, type DirectoryConnectionSettings } from '@mailyard/core/directories';
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
