import { fail } from '@mailyard/core/errors';
import type { MigrationRunSummary } from '@mailyard/core/migration';
import type { Db } from '@mailyard/db';
import { findMigrationRun } from '@mailyard/db/queries/migration-runs';

/** The run if it belongs to the organization (which the caller has checked the actor may reach). */
export async function requireMigrationRun(db: Db, organizationId: string, runId: string, options: { lock?: boolean } = {}): Promise<MigrationRunSummary> {
  const found = await findMigrationRun(db, organizationId, runId, options.lock ? 'update' : undefined);
  if (!found) fail('MIGRATION.NOT_FOUND', `Migration run ${runId} was not found in this organization.`, { field: 'runId' });
  return found;
}

/** The audit target of a run: the WorkMail organization it reads. */
export const migrationTarget = (run: { id: string; settings: { sourceOrganizationId: string } }) => ({
  type: 'migration_run',
  id: run.id,
  label: `WorkMail ${run.settings.sourceOrganizationId}`,
});

export const runningElsewhere = () =>
  fail('MIGRATION.INVALID_STATE', 'Another migration of this organization is at work: wait until it has finished.', { field: 'runId' });
