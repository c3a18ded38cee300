import { fail } from '@mailyard/core/errors';
import type { ImportRef, ImportSummary } from '@mailyard/core/imports';
import { inTransaction } from '@mailyard/db';
import { updateImport } from '@mailyard/db/queries/imports';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { importTarget, requireImport } from './require.ts';
import { scheduleImportBatch } from './schedule-batch.ts';

/**
 * Applies a validated import: the rows without problems are created by the durable job `users.import`, in batches,
 * each row in its own transaction through the Create user service. Returns at once; `get` follows the progress.
 * Asking again for an import already applying or applied changes nothing (a repeated click starts no second job).
 */
export async function applyImport(deps: Deps, actor: OperatorActor, input: ImportRef): Promise<ImportSummary> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const imp = await requireImport(tx, org.id, input.importId, { lock: true });
    if (imp.state !== 'validated') return imp;
    if (imp.validRows === 0) {
      fail('IMPORT.INVALID_STATE', 'No row of this file can be imported: fix the problems the report names and upload the file again.', {
        field: 'importId',
      });
    }
    await updateImport(tx, org.id, imp.id, { state: 'applying' });
    await scheduleImportBatch(tx, { organizationId: org.id, importId: imp.id, actor, processedRows: 0, now });
    await recordAudit(tx, actor, { action: 'user_import.apply', organizationId: org.id, target: importTarget(imp), after: { rows: imp.validRows } }, now);
    return { ...imp, state: 'applying' };
  });
}
