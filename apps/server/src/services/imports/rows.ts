import { z } from 'zod';
import type { ImportReportRow, ImportRowsInput } from '@mailyard/core/imports';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { listImportRows } from '@mailyard/db/queries/imports';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { cursorKey, pageOf } from '../page.ts';
import { requireImport } from './require.ts';

const Key = z.tuple([z.number().int().positive()]);

/** A page of an import's report in file order, all rows or those of one status or outcome. */
export async function listImportReportRows(db: Db, actor: OperatorActor, input: ImportRowsInput): Promise<Page<ImportReportRow>> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const imp = await requireImport(db, org.id, input.importId);
  const scope = `import-rows:${imp.id}:${input.filter}`;
  const after = cursorKey(scope, input.cursor, Key);
  const rows = await listImportRows(db, { organizationId: org.id, id: imp.id, filter: input.filter, afterLine: after?.[0] ?? null, limit: input.limit + 1 });
  return pageOf(rows, input.limit, scope, (row) => [row.line]);
}
