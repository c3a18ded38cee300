import { randomUUID } from 'node:crypto';
import { fail } from '@mailyard/core/errors';
import { emptyImportCounts, readImportFile, type ImportSummary, type ValidateImportInput } from '@mailyard/core/imports';
import { inTransaction } from '@mailyard/db';
import { insertImport, type StoredImportRow } from '@mailyard/db/queries/imports';
import type { Deps } from '../../deps.ts';
import type { MasterKey } from '../../platform/secrets.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { importTarget, requireImport } from './require.ts';
import { checkAgainstDirectory, type CheckedRow } from './directory-checks.ts';

/**
 * The dry run of a users CSV: reads it, checks every row (core's rules, duplicates in the file, the directory) and
 * stores the report, so the operator reviews it before anything is created. A refused file (not CSV, wrong header,
 * too big) is refused as a whole and stores nothing. Passwords are kept only sealed with the master key.
 */
export async function validateImport(deps: Deps, actor: OperatorActor, input: ValidateImportInput): Promise<ImportSummary> {
  const org = await requireActiveOrganization(deps.db, actor, input.organizationId);
  const reading = readImportFile(input.content);
  if (!reading.ok) fail(reading.refusal.code, reading.refusal.message, reading.refusal.details);
  const rows = (await checkAgainstDirectory(deps.db, org.id, reading.rows)).map((row) => storedRow(row, deps.masterKey));
  const counts = emptyImportCounts();
  for (const row of rows) counts[row.status]++;
  const now = deps.clock();
  const id = randomUUID();
  return inTransaction(deps.db, async (tx) => {
    await insertImport(tx, {
      organizationId: org.id,
      id,
      fileName: input.fileName,
      totalRows: rows.length,
      validRows: counts.valid + counts.exists,
      report: { counts, error: null, rows },
      createdBy: actor.label,
      createdAt: now,
    });
    await recordAudit(
      tx,
      actor,
      { action: 'user_import.validate', organizationId: org.id, target: importTarget({ id, fileName: input.fileName }), after: { totalRows: rows.length, counts } },
      now,
    );
    return requireImport(tx, org.id, id);
  });
}

function storedRow(row: CheckedRow, masterKey: MasterKey): StoredImportRow {
  const status = row.existing ? 'exists' : row.user ? 'valid' : 'invalid';
  const { password, ...user } = row.user ?? { password: undefined };
  return {
    line: row.line,
    ...row.shown,
    status,
    problems: row.problems,
    outcome: null,
    outcomeMessage: null,
    userId: row.existing?.id ?? null,
    // Kept for `exists` rows too: a user deleted before the import is applied is then created again.
    user: row.user ? (user as StoredImportRow['user']) : null,
    sealedPassword: row.user && password !== undefined ? masterKey.seal(password) : null,
  };
}
