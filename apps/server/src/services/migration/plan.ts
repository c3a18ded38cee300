import { randomUUID } from 'node:crypto';
import { credentialColumnOf, parseCredentialCsv, type MigrationRunRef, type MigrationRunSummary, type MigrationSettings, type StartMigrationInput } from '@mailyard/core/migration';
import { inTransaction, type Db } from '@mailyard/db';
import { insertMigrationRun, loadMigrationSecrets } from '@mailyard/db/queries/migration-runs';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { migrationTarget, requireMigrationRun, runningElsewhere } from './require.ts';
import { scheduleMigrationRun } from './schedule-run.ts';
import { sealMigrationSecrets } from './secrets.ts';

/**
 * *Plan*: a new run of the organization reads WorkMail and plans (a dry run, by the `migration.run` job); nothing
 * changes until *Migrate*. The secrets are sealed with the master key at once; the run shows its settings without them.
 */
export async function planMigrationRun(deps: Deps, actor: OperatorActor, input: StartMigrationInput): Promise<MigrationRunSummary> {
  const csv = input.passwordMode === 'none' ? null : parseCredentialCsv(input.passwordsCsv, credentialColumnOf(input.passwordMode));
  // The source's mailboxes are read as its master user when one is given, else with their own passwords from the CSV.
  const sourcePasswords = input.copyMail && !input.sourceImapMaster && input.sourceImapPasswordsCsv ? input.sourceImapPasswordsCsv : null;
  const sourceRows = sourcePasswords === null ? null : parseCredentialCsv(sourcePasswords, 'password');
  const settings: MigrationSettings = {
    sourceOrganizationId: input.sourceOrganizationId,
    region: input.region,
    endpointUrl: input.endpointUrl ?? null,
    accessKeyId: input.accessKeyId,
    passwordMode: input.passwordMode,
    csvRows: csv?.ok ? csv.rows.size : 0,
    copyMail: input.copyMail,
    sourceImapUrl: input.copyMail ? (input.sourceImapUrl ?? null) : null,
    sourceImapMaster: input.copyMail ? (input.sourceImapMaster ?? null) : null,
    sourceImapPasswordRows: sourceRows?.ok ? sourceRows.rows.size : 0,
    targetImapUrl: input.copyMail ? (input.targetImapUrl ?? null) : null,
    targetImapMaster: input.copyMail ? (input.targetImapMaster ?? null) : null,
  };
  const sealed = sealMigrationSecrets(deps.masterKey, {
    secretAccessKey: input.secretAccessKey,
    passwordsCsv: input.passwordMode === 'none' ? '' : input.passwordsCsv,
    sourceImapMasterPassword: input.copyMail && input.sourceImapMaster ? (input.sourceImapMasterPassword ?? null) : null,
    sourceImapPasswordsCsv: sourcePasswords,
    targetImapMasterPassword: input.copyMail ? (input.targetImapMasterPassword ?? null) : null,
  });
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    return insertRun(tx, deps, actor, org.id, settings, sealed);
  });
}

/** *Plan again*: a new run with an earlier run's settings and sealed secrets, which plans only what differs now. */
export async function planMigrationRunAgain(deps: Deps, actor: OperatorActor, input: MigrationRunRef): Promise<MigrationRunSummary> {
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const earlier = await requireMigrationRun(tx, org.id, input.runId);
    const sealed = (await loadMigrationSecrets(tx, org.id, earlier.id))!;
    return insertRun(tx, deps, actor, org.id, earlier.settings, sealed);
  });
}

/** Inserts a planning run of an organization the actor may change, and its job. */
async function insertRun(tx: Db, deps: Deps, actor: OperatorActor, organizationId: string, settings: MigrationSettings, sealedSecrets: string): Promise<MigrationRunSummary> {
  const now = deps.clock();
  const run = { organizationId, id: randomUUID(), state: 'planning' as const, settings, sealedSecrets, createdBy: actor.label, createdAt: now };
  if (!(await insertMigrationRun(tx, run))) runningElsewhere();
  await scheduleMigrationRun(tx, { organizationId, runId: run.id, actor, phase: 'plan', now });
  await recordAudit(tx, actor, { action: 'migration.plan', organizationId, target: migrationTarget(run), after: { ...settings } }, now);
  return { id: run.id, state: run.state, settings, progress: null, plan: null, report: null, error: null, createdBy: actor.label, createdAt: now, finishedAt: null };
}
