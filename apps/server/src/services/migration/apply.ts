import { fail } from '@mailyard/core/errors';
import type { MigrationRunRef, MigrationRunSummary } from '@mailyard/core/migration';
import { inTransaction } from '@mailyard/db';
import { findActiveMigrationRun, updateMigrationRun } from '@mailyard/db/queries/migration-runs';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { migrationTarget, requireMigrationRun, runningElsewhere } from './require.ts';
import { scheduleMigrationRun } from './schedule-run.ts';

/**
 * *Migrate*: applies a planned run in the background (the `migration.run` job plans again first, so what changed since
 * the plan is included, and a crashed attempt continues where it stopped). Asking again for a run already migrating
 * changes nothing.
 */
export async function applyMigrationRun(deps: Deps, actor: OperatorActor, input: MigrationRunRef): Promise<MigrationRunSummary> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const run = await requireMigrationRun(tx, org.id, input.runId, { lock: true });
    if (run.state === 'applying') return run;
    if (run.state !== 'planned') {
      fail('MIGRATION.INVALID_STATE', run.state === 'planning' ? 'The plan is not ready yet.' : 'This run has ended: plan again to migrate what changed since.', { field: 'runId' });
    }
    if (await findActiveMigrationRun(tx, org.id)) runningElsewhere();
    await updateMigrationRun(tx, org.id, run.id, { state: 'applying', progress: null, error: null });
    await scheduleMigrationRun(tx, { organizationId: org.id, runId: run.id, actor, phase: 'apply', now });
    await recordAudit(tx, actor, { action: 'migration.apply', organizationId: org.id, target: migrationTarget(run), after: { changes: run.plan?.changes ?? null } }, now);
    return { ...run, state: 'applying', progress: null, error: null };
  });
}
