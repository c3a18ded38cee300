import { WorkMailClient } from '@aws-sdk/client-workmail';
import { credentialColumnOf, isMigrationRunActive, migrationPlanView, parseCredentialCsv, type CredentialRows, type MigrationProgress, type MigrationRunSummary } from '@mailyard/core/migration';
import { inTransaction } from '@mailyard/db';
import { findMigrationRun, loadMigrationSecrets, updateMigrationRun } from '@mailyard/db/queries/migration-runs';
import { migrate, type MigrationOutcome } from './engine/engine.ts';
import { mailyardError, type MailyardClient } from './engine/client.ts';
import type { MailSettings } from './engine/mail-copy.ts';
import type { Progress } from './engine/progress.ts';
import type { Deps } from '../../deps.ts';
import { safeErrorMessage } from '../../platform/log.ts';
import { PermanentJobError } from '../../platform/permanent-error.ts';
import { systemActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { migrationTarget } from './require.ts';
import type { MigrationJob } from './schedule-run.ts';
import { openMigrationSecrets, type MigrationSecrets } from './secrets.ts';

/** Progress is written at most this often (and at each phase's start), for the console's progress bar. */
const PROGRESS_MS = 1_000;

/**
 * The `migration.run` job: the migration `mailyard migrate` runs (`engine/engine.ts`), for a run of the console.
 * The source is read with the run's access key; the target is changed through `target`, the typed client in process
 * acting as the operator who started the run. A planning run stores its plan and stops (`planned`); an applying one
 * plans again (the plan is idempotent, so a retried or crashed attempt does only what is left), applies, copies the
 * mail, verifies and stores the report (`done`). A failed attempt leaves its error on the run while the job retries.
 */
export async function runMigrationJob(deps: Deps, job: MigrationJob, target: MailyardClient): Promise<void> {
  const { organizationId, runId } = job;
  const run = await findMigrationRun(deps.db, organizationId, runId);
  const sealed = await loadMigrationSecrets(deps.db, organizationId, runId);
  if (!run || !sealed || !isMigrationRunActive(run.state)) return;
  const secrets = openMigrationSecrets(deps.masterKey, sealed);
  const dryRun = run.state === 'planning';
  const progress = progressWriter(deps, organizationId, runId);
  let outcome: MigrationOutcome;
  try {
    outcome = await migrate(
      {
        source: workMailClient(run, secrets),
        sourceOrganizationId: run.settings.sourceOrganizationId,
        target,
        targetLabel: 'this Mailyard',
        targetChoice: { organizationId },
        dryRun,
        verbose: false,
        passwords: { mode: run.settings.passwordMode, rows: credentialRows(run, secrets) },
        mail: mailSettings(run, secrets),
      },
      {
        out: () => {},
        progress,
        planned: (plan, mail, lines) => updateMigrationRun(deps.db, organizationId, runId, { plan: migrationPlanView(plan, mail, lines) }),
      },
    );
  } catch (error) {
    await progress.flush();
    const refusal = sourceRefusal(error) ?? targetRefusal(error);
    const message = refusal ?? safeErrorMessage(error);
    await updateMigrationRun(deps.db, organizationId, runId, { error: message });
    throw refusal ? new PermanentJobError(message) : error;
  }
  await progress.flush();
  await finish(deps, job, run, outcome);
}

async function finish(deps: Deps, job: MigrationJob, run: MigrationRunSummary, outcome: MigrationOutcome): Promise<void> {
  const { organizationId, runId } = job;
  const now = deps.clock();
  const applied = outcome.applied;
  if (!applied) return updateMigrationRun(deps.db, organizationId, runId, { state: 'planned', progress: null, error: null });
  const { rows, remaining, mailVerified } = applied.verification;
  const report = {
    applied: outcome.plan.steps.length - applied.failed.length,
    failed: applied.failed,
    mail: applied.mail,
    verification: { rows, remaining: remaining.steps.length, mailRemaining: mailVerified?.remaining ?? null, mailUnverified: mailVerified?.unverified ?? null },
    lines: applied.lines,
    cutover: applied.cutover,
  };
  await inTransaction(deps.db, async (tx) => {
    await updateMigrationRun(tx, organizationId, runId, { state: 'done', progress: null, report, error: null, finishedAt: now });
    await recordAudit(
      tx,
      systemActor,
      {
        action: 'migration.complete',
        accountId: job.actor.accountId,
        organizationId,
        target: migrationTarget(run),
        after: { applied: report.applied, failed: report.failed.length, remaining: report.verification.remaining },
      },
      now,
    );
  });
}

/** The job's last attempt failed: the run ends `failed` with the reason, keeping the plan it stored. */
export async function failMigrationRun(deps: Deps, job: MigrationJob, errorMessage: string): Promise<void> {
  const { organizationId, runId } = job;
  await inTransaction(deps.db, async (tx) => {
    const run = await findMigrationRun(tx, organizationId, runId, 'update');
    if (!run || !isMigrationRunActive(run.state)) return;
    const now = deps.clock();
    await updateMigrationRun(tx, organizationId, runId, { state: 'failed', progress: null, error: errorMessage, finishedAt: now });
    await recordAudit(tx, systemActor, { action: 'migration.fail', accountId: job.actor.accountId, organizationId, target: migrationTarget(run), after: { error: errorMessage } }, now);
  });
}

/** WorkMail's API with the run's access key: the endpoint given, or AWS's for the region. */
function workMailClient(run: MigrationRunSummary, secrets: MigrationSecrets): WorkMailClient {
  const { region, endpointUrl, accessKeyId } = run.settings;
  return new WorkMailClient({ region, ...(endpointUrl ? { endpoint: endpointUrl } : {}), credentials: { accessKeyId, secretAccessKey: secrets.secretAccessKey } });
}

function credentialRows(run: MigrationRunSummary, secrets: MigrationSecrets): CredentialRows {
  const mode = run.settings.passwordMode;
  if (mode === 'none') return new Map();
  const parsed = parseCredentialCsv(secrets.passwordsCsv, credentialColumnOf(mode));
  // Checked by the form's schema before it was sealed.
  if (!parsed.ok) throw new PermanentJobError(`The ${mode === 'csv' ? 'passwords' : 'recovery'} CSV: ${parsed.message}`);
  return parsed.rows;
}

function mailSettings(run: MigrationRunSummary, secrets: MigrationSecrets): MailSettings | null {
  const s = run.settings;
  if (!s.copyMail || !s.sourceImapUrl || !s.targetImapUrl || !s.targetImapMaster) return null;
  return {
    sourceUrl: s.sourceImapUrl,
    sourceCredentials: s.sourceImapMaster
      ? { kind: 'master', master: s.sourceImapMaster, pass: secrets.sourceImapMasterPassword ?? '' }
      : { kind: 'passwords', rows: sourcePasswordRows(secrets), from: 'the source passwords CSV' },
    targetUrl: s.targetImapUrl,
    targetMaster: { master: s.targetImapMaster, pass: secrets.targetImapMasterPassword ?? '' },
  };
}

/** The source mailboxes' own passwords (WorkMail has no master users), checked by the form's schema before sealing. */
function sourcePasswordRows(secrets: MigrationSecrets): CredentialRows {
  const parsed = parseCredentialCsv(secrets.sourceImapPasswordsCsv ?? '', 'password');
  if (!parsed.ok) throw new PermanentJobError(`The source passwords CSV: ${parsed.message}`);
  return parsed.rows;
}

/**
 * WorkMail refused the request itself (a wrong key, an unknown organization, no permission): trying again cannot
 * help, so the run fails at once with WorkMail's words. Throttling and the network are retried.
 */
function sourceRefusal(error: unknown): string | null {
  const e = error as { $fault?: string; name?: string; message?: string };
  if (e?.$fault !== 'client' || /Throttl|TooManyRequests/i.test(e.name ?? '')) return null;
  return `WorkMail refused the request: ${e.name ?? 'error'}: ${e.message ?? ''}`.trim();
}

/**
 * Mailyard refused the operator who started the run the organization itself (gone, no longer reachable with their
 * credential, a read-only or revoked one): every further attempt would be refused the same way.
 */
function targetRefusal(error: unknown): string | null {
  const code = mailyardError(error)?.code ?? '';
  return code.startsWith('ORGANIZATION.') || code.startsWith('AUTH.') ? (mailyardError(error)?.message ?? code) : null;
}

/** The engine's progress, written to the run for the console (at most every second; `flush` waits for the last). */
function progressWriter(deps: Deps, organizationId: string, runId: string): Progress & { flush(): Promise<void> } {
  let pending: Promise<void> = Promise.resolve();
  let current: MigrationProgress = { phase: 'Starting', done: 0, total: 0 };
  let writtenAt = 0;
  const write = (force: boolean) => {
    if (!force && performance.now() - writtenAt < PROGRESS_MS) return;
    writtenAt = performance.now();
    const snapshot = { ...current };
    pending = pending.then(() => updateMigrationRun(deps.db, organizationId, runId, { progress: snapshot })).catch((e: unknown) => {
      deps.log.warn(`migration run ${runId}: writing its progress failed: ${safeErrorMessage(e)}`);
    });
  };
  return {
    start(phase, total) {
      current = { phase, done: 0, total };
      write(true);
    },
    tick(done) {
      current = { ...current, done };
      write(done === current.total);
    },
    finish() {},
    note(line) {
      current = { phase: line.trim(), done: 0, total: 0 };
      write(true);
    },
    flush: () => pending,
  };
}
