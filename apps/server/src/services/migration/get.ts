import type { ListMigrationRunsInput, MigrationRunRef, MigrationRunSummary } from '@mailyard/core/migration';
import type { ListTotal, Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { countMigrationRuns as countMigrationRunsQuery, listMigrationRunsPage } from '@mailyard/db/queries/migration-runs';
import { z } from 'zod';
import type { OperatorActor } from '../actor.ts';
import { readInOrganization, requireOrganization } from '../organizations/require.ts';
import { cursorKey, pageOf } from '../page.ts';
import { requireMigrationRun } from './require.ts';

/** A run: its settings (no secret), progress, plan and report, as the job last wrote them. */
export async function getMigrationRun(db: Db, actor: OperatorActor, input: MigrationRunRef): Promise<MigrationRunSummary> {
  const org = await requireOrganization(db, actor, input.organizationId);
  return requireMigrationRun(db, org.id, input.runId);
}

const Key = z.tuple([z.iso.datetime(), z.guid()]);

/** The organization's migration runs, newest first. */
export async function listMigrationRuns(db: Db, actor: OperatorActor, input: ListMigrationRunsInput): Promise<Page<MigrationRunSummary>> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const scope = `migration-runs:${org.id}`;
  const after = cursorKey(scope, input.cursor, Key);
  const rows = await listMigrationRunsPage(db, { organizationId: org.id, after, limit: input.limit + 1 });
  return pageOf(rows, input.limit, scope, (row) => [row.createdAt.toISOString(), row.id]);
}

/** How many migration runs the organization has had: the list's total. */
export async function countMigrationRuns(db: Db, actor: OperatorActor, input: { organizationId: string }): Promise<ListTotal> {
  return readInOrganization(db, actor, input.organizationId, () => countMigrationRunsQuery(db, input.organizationId));
}
