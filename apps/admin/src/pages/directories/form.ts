import type { z } from 'zod';
import { presetSettings, type DirectoryPreset, type RegisterDirectoryInput } from '@mailyard/core/directories';

/** What the register form holds: the schema's input (optional attributes may be empty). */
export type DirectoryForm = z.input<typeof RegisterDirectoryInput>;

/** A new form, filled from the OpenLDAP preset with example DNs the operator replaces. */
export const emptyDirectoryForm = (): DirectoryForm => ({
  name: '',
  preset: 'OpenLDAP',
  url: '',
  startTls: false,
  caCertificate: '',
  bindDn: '',
  bindPassword: '',
  userBaseDn: '',
  groupBaseDn: '',
  ...presetValues('OpenLDAP'),
});

/** The object classes and attribute mapping a preset fills in (an absent attribute as an empty field). */
export function presetValues(preset: DirectoryPreset): Pick<DirectoryForm, 'userObjectClass' | 'groupObjectClass' | 'mapping'> {
  const { userObjectClass, groupObjectClass, mapping } = presetSettings[preset];
  return { userObjectClass, groupObjectClass, mapping: Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, v ?? ''])) as DirectoryForm['mapping'] };
}

/** Every form field, as the server names it, so its errors land next to the field. */
export const directoryFormFields = [
  'name',
  'url',
  'startTls',
  'caCertificate',
  'bindDn',
  'bindPassword',
  'userBaseDn',
  'groupBaseDn',
  'userObjectClass',
  'groupObjectClass',
  ...Object.keys(presetSettings.OpenLDAP.mapping).map((k) => `mapping.${k}`),
] as const;

/** Mapping fields in the order the form shows them, with their labels. */
export const mappingFields: { key: keyof DirectoryForm['mapping']; label: string; optional?: boolean }[] = [
  { key: 'uniqueId', label: 'Unique id' },
  { key: 'userName', label: 'User name' },
  { key: 'displayName', label: 'Display name' },
  { key: 'firstName', label: 'First name', optional: true },
  { key: 'lastName', label: 'Last name', optional: true },
  { key: 'email', label: 'Email', optional: true },
  { key: 'telephone', label: 'Telephone', optional: true },
  { key: 'department', label: 'Department', optional: true },
  { key: 'jobTitle', label: 'Job title', optional: true },
  { key: 'groupName', label: 'Group name' },
  { key: 'groupEmail', label: 'Group email', optional: true },
  { key: 'groupMember', label: 'Group member' },
];
