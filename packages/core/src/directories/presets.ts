/**
 * Where each Mailyard attribute comes from in the directory. `uniqueId` is the entry's stable identity (it survives a
 * rename or a move, which the DN does not); the rest are attribute names, `null` where the directory has none.
 */
export interface AttributeMapping {
  uniqueId: string;
  userName: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  telephone: string | null;
  department: string | null;
  jobTitle: string | null;
  groupName: string;
  groupEmail: string | null;
  /** On a group entry: the DNs of its members (users or groups: nesting is allowed). */
  groupMember: string;
}

export const directoryPresets = ['OpenLDAP', 'ActiveDirectory'] as const;
export type DirectoryPreset = (typeof directoryPresets)[number];

export interface PresetSettings {
  userObjectClass: string;
  groupObjectClass: string;
  mapping: AttributeMapping;
}

/**
 * What the two directories Mailyard knows call things. OpenLDAP: inetOrgPerson and groupOfNames with the operational
 * entryUUID. Active Directory: user and group, the pre-Windows-2000 logon name as the user name, the binary objectGUID.
 */
export const presetSettings: Record<DirectoryPreset, PresetSettings> = {
  OpenLDAP: {
    userObjectClass: 'inetOrgPerson',
    groupObjectClass: 'groupOfNames',
    mapping: {
      uniqueId: 'entryUUID',
      userName: 'uid',
      displayName: 'displayName',
      firstName: 'givenName',
      lastName: 'sn',
      email: 'mail',
      telephone: 'telephoneNumber',
      department: 'departmentNumber',
      jobTitle: 'title',
      groupName: 'cn',
      groupEmail: 'mail',
      groupMember: 'member',
    },
  },
  ActiveDirectory: {
    userObjectClass: 'user',
    groupObjectClass: 'group',
    mapping: {
      uniqueId: 'objectGUID',
      userName: 'sAMAccountName',
      displayName: 'displayName',
      firstName: 'givenName',
      lastName: 'sn',
      email: 'mail',
      telephone: 'telephoneNumber',
      department: 'department',
      jobTitle: 'title',
      groupName: 'sAMAccountName',
      groupEmail: 'mail',
      groupMember: 'member',
    },
  },
};

/** Labels of the presets as the console lists them. */
export const presetLabels: Record<DirectoryPreset, string> = { OpenLDAP: 'OpenLDAP', ActiveDirectory: 'Active Directory (LDAP)' };
