import type { z } from 'zod';
import type { StartMigrationInput } from '@mailyard/core/migration';

/** What the form holds: the schema's input (optional fields may be empty until checked). */
export type MigrationForm = z.input<typeof StartMigrationInput>;

export const emptyMigrationForm = (organizationId: string): MigrationForm => ({
  organizationId,
  sourceOrganizationId: '',
  region: 'us-east-1',
  endpointUrl: undefined,
  accessKeyId: '',
  secretAccessKey: '',
  passwordMode: 'none',
  passwordsCsv: '',
  copyMail: false,
  sourceImapUrl: undefined,
  sourceImapMaster: undefined,
  sourceImapMasterPassword: undefined,
  sourceImapPasswordsCsv: undefined,
  targetImapUrl: undefined,
  targetImapMaster: undefined,
  targetImapMasterPassword: undefined,
});

/** Every form field, as the server names it, so its errors land next to the field. */
export const migrationFormFields = [
  'sourceOrganizationId',
  'region',
  'endpointUrl',
  'accessKeyId',
  'secretAccessKey',
  'passwordMode',
  'passwordsCsv',
  'copyMail',
  'sourceImapUrl',
  'sourceImapMaster',
  'sourceImapMasterPassword',
  'sourceImapPasswordsCsv',
  'targetImapUrl',
  'targetImapMaster',
  'targetImapMasterPassword',
] as const;

const optionalFields = ['endpointUrl', 'sourceImapUrl', 'sourceImapMaster', 'sourceImapMasterPassword', 'sourceImapPasswordsCsv', 'targetImapUrl', 'targetImapMaster', 'targetImapMasterPassword'] as const;

/** An optional field left empty as absent, so the schema checks only what was filled in (and says what is missing). */
export function withoutEmpty(form: MigrationForm): MigrationForm {
  const out = { ...form };
  for (const field of optionalFields) if (out[field] === '') out[field] = undefined;
  return out;
}
