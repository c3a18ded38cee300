import { fail } from '@mailyard/core/errors';
import type { ImportSummary } from '@mailyard/core/imports';
import type { Db } from '@mailyard/db';
import { findImport } from '@mailyard/db/queries/imports';

/** The import if it belongs to the organization (which the caller has checked the actor may reach). */
export async function requireImport(db: Db, organizationId: string, importId: string, options: { lock?: boolean } = {}): Promise<ImportSummary> {
  const found = await findImport(db, organizationId, importId, options.lock ? 'update' : undefined);
  if (!found) fail('IMPORT.NOT_FOUND', `Import ${importId} was not found in this organization.`, { field: 'importId' });
  return found;
}

/** The audit target of an import. */
export const importTarget = (imp: { id: string; fileName: string }) => ({ type: 'user_import', id: imp.id, label: imp.fileName });
