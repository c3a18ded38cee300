import { isDomainError } from '@mailyard/core/errors';
import { inTransaction, type Db } from '@mailyard/db';
import { findImport, loadImportReport, updateImport, type StoredImportReport } from '@mailyard/db/queries/imports';
import type { Deps } from '../../deps.ts';
import { PermanentJobError } from '../../platform/permanent-error.ts';
import { systemActor, type OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { importTarget } from './require.ts';
import { importRow, isOrganizationRefusal } from './import-row.ts';
import { scheduleImportBatch, type ImportBatchJob } from './schedule-batch.ts';

/**
 * One job creates at most this many users, for at most this long; the next batch is the next job, so other jobs get
 * their turn between batches.
 */
export const IMPORT_BATCH_ROWS = 200;
const BATCH_MS = 20_000;
/** Progress is written at least this often, for the console's progress bar. */
const PROGRESS_MS = 1_000;

/** The report once the import has ended: what creating users needed (sealed passwords included) is erased. */
function ended(report: StoredImportReport, error: string | null): StoredImportReport {
  return { ...report, error, rows: report.rows.map((row) => ({ ...row, user: null, sealedPassword: null })) };
}

/**
 * The `users.import` job: applies an import's rows in file order, each through `importRow` (its own transaction),
 * recording each outcome and the progress (processed of valid rows). Rows already recorded are not run again; a row
 * created but not yet recorded when a worker died is found existing on the next run and recorded as skipped.
 */
export async function runImportBatch(deps: Deps, job: ImportBatchJob): Promise<void> {
  const { organizationId, importId } = job;
  const imp = await findImport(deps.db, organizationId, importId);
  const report = await loadImportReport(deps.db, organizationId, importId);
  if (!imp || !report || imp.state !== 'applying') return;
  const actor: OperatorActor = job.actor;
  let processed = imp.processedRows;
  const saveProgress = (db: Db) => updateImport(db, organizationId, importId, { processedRows: processed, report });
  const started = performance.now();
  let savedAt = started;
  let batch = 0;
  try {
    for (const row of report.rows) {
      if (row.status === 'invalid' || row.outcome !== null) continue;
      if (batch === IMPORT_BATCH_ROWS || performance.now() - started > BATCH_MS) {
        await inTransaction(deps.db, async (tx) => {
          await saveProgress(tx);
          await scheduleImportBatch(tx, { ...job, processedRows: processed, now: deps.clock() });
        });
        return;
      }
      const result = await importRow(deps, actor, organizationId, row);
      Object.assign(row, { outcome: result.outcome, outcomeMessage: result.message, userId: result.userId ?? row.userId, sealedPassword: null });
      report.counts[result.outcome]++;
      processed++;
      batch++;
      if (performance.now() - savedAt > PROGRESS_MS) {
        await saveProgress(deps.db);
        savedAt = performance.now();
      }
    }
  } catch (error) {
    await saveProgress(deps.db);
    // The organization is gone or out of the operator's reach: every further row would be refused the same way.
    if (isDomainError(error) && isOrganizationRefusal(error.code)) throw new PermanentJobError(error.message);
    throw error;
  }
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    await updateImport(tx, organizationId, importId, { state: 'done', processedRows: processed, report: ended(report, null), finishedAt: now });
    await recordAudit(
      tx,
      systemActor,
      { action: 'user_import.complete', accountId: actor.accountId, organizationId, target: importTarget(imp), after: { counts: report.counts } },
      now,
    );
  });
}

/** The batch's last attempt failed: the import ends `failed` with the reason, keeping the outcomes recorded so far. */
export async function failImport(deps: Deps, { organizationId, importId, actor }: ImportBatchJob, errorMessage: string): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const imp = await findImport(tx, organizationId, importId, 'update');
    const report = await loadImportReport(tx, organizationId, importId);
    if (!imp || !report || imp.state !== 'applying') return;
    const now = deps.clock();
    await updateImport(tx, organizationId, importId, { state: 'failed', report: ended(report, errorMessage), finishedAt: now });
    await recordAudit(
      tx,
      systemActor,
      { action: 'user_import.fail', accountId: actor.accountId, organizationId, target: importTarget(imp), after: { error: errorMessage, counts: report.counts } },
      now,
    );
  });
}
