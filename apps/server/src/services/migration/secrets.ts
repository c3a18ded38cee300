import { z } from 'zod';
import { text } from '@mailyard/core/text';
import type { MasterKey } from '../../platform/secrets.ts';

/** What a run keeps sealed with the master key: read by its job only, never returned nor logged. */
const MigrationSecrets = z.object({
  secretAccessKey: text(),
  passwordsCsv: text(),
  sourceImapMasterPassword: text().nullable(),
  /** The source's `user,password` CSV (runs sealed before it existed have none). */
  sourceImapPasswordsCsv: text().nullish(),
  targetImapMasterPassword: text().nullable(),
});
export type MigrationSecrets = z.infer<typeof MigrationSecrets>;

export const sealMigrationSecrets = (masterKey: MasterKey, secrets: MigrationSecrets) => masterKey.seal(JSON.stringify(secrets));

export const openMigrationSecrets = (masterKey: MasterKey, sealed: string): MigrationSecrets => MigrationSecrets.parse(JSON.parse(masterKey.open(sealed).toString('utf8')));
