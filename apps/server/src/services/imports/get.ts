import type { ImportRef, ImportSummary } from '@mailyard/core/imports';
import type { Db } from '@mailyard/db';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { requireImport } from './require.ts';

/** An import's state, progress (processed of valid rows) and counts; the rows come page by page from `rows`. */
export async function getImport(db: Db, actor: OperatorActor, input: ImportRef): Promise<ImportSummary> {
  const org = await requireOrganization(db, actor, input.organizationId);
  return requireImport(db, org.id, input.importId);
}
