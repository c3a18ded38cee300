import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { MigrationPlanView, MigrationProgress, MigrationReport, MigrationRunState, MigrationRunSummary, MigrationSettings } from '@mailyard/core/migration';
import type { ListTotal } from '@mailyard/core/pagination';
import type { Db } from '../client.ts';
import { scopeTotal } from '../list-total.ts';
import { migrationRuns } from '../schema/index.ts';

export interface NewMigrationRun {
  organizationId: string;
  id: string;
  state: MigrationRunState;
  settings: MigrationSettings;
  sealedSecrets: string;
  createdBy: string;
  createdAt: Date;
}

/** Inserts a run; false when another run of the organization is at work (the one-active index). */
export async function insertMigrationRun(db: Db, row: NewMigrationRun): Promise<boolean> {
  const inserted = await db.insert(migrationRuns).values(row).onConflictDoNothing().returning({ id: migrationRuns.id });
  return inserted.length > 0;
}

/** Every column but the sealed secrets, which only the job reads (`loadMigrationSecrets`). */
const summaryColumns = {
  id: migrationRuns.id,
  state: sql<MigrationRunState>`${migrationRuns.state}`,
  settings: sql<MigrationSettings>`${migrationRuns.settings}`,
  progress: sql<MigrationProgress | null>`${migrationRuns.progress}`,
  plan: sql<MigrationPlanView | null>`${migrationRuns.plan}`,
  report: sql<MigrationReport | null>`${migrationRuns.report}`,
  error: migrationRuns.error,
  createdBy: migrationRuns.createdBy,
  createdAt: migrationRuns.createdAt,
  finishedAt: migrationRuns.finishedAt,
};

const ofOrganization = (organizationId: string, id: string) => and(eq(migrationRuns.organizationId, organizationId), eq(migrationRuns.id, id));

export async function findMigrationRun(db: Db, organizationId: string, id: string, lock?: 'update'): Promise<MigrationRunSummary | null> {
  const query = db.select(summaryColumns).from(migrationRuns).where(ofOrganization(organizationId, id));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

/** The sealed secrets of a run, for the job that opens them (and for a new run made from it). */
export async function loadMigrationSecrets(db: Db, organizationId: string, id: string): Promise<string | null> {
  const [row] = await db.select({ sealed: migrationRuns.sealedSecrets }).from(migrationRuns).where(ofOrganization(organizationId, id));
  return row?.sealed ?? null;
}

/** The run of the organization at work now (planning or applying), if any. */
export async function findActiveMigrationRun(db: Db, organizationId: string): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: migrationRuns.id })
    .from(migrationRuns)
    .where(and(eq(migrationRuns.organizationId, organizationId), sql`${migrationRuns.state} in ('planning', 'applying')`));
  return row ?? null;
}

export interface MigrationRunPatch {
  state?: MigrationRunState;
  progress?: MigrationProgress | null;
  plan?: MigrationPlanView | null;
  report?: MigrationReport | null;
  error?: string | null;
  finishedAt?: Date | null;
}

export async function updateMigrationRun(db: Db, organizationId: string, id: string, patch: MigrationRunPatch): Promise<void> {
  await db.update(migrationRuns).set(patch).where(ofOrganization(organizationId, id));
}

/** Newest first, keyset on (created_at, id). */
const runsOf = (organizationId: string) => eq(migrationRuns.organizationId, organizationId);

/** How many migration runs the organization has had (its list's total). */
export const countMigrationRuns = (db: Db, organizationId: string): Promise<ListTotal> => scopeTotal(db, migrationRuns, runsOf(organizationId));

export async function listMigrationRunsPage(db: Db, q: { organizationId: string; after: [string, string] | null; limit: number }): Promise<MigrationRunSummary[]> {
  const conditions: SQL[] = [runsOf(q.organizationId)];
  if (q.after) {
    const at = new Date(q.after[0]);
    conditions.push(or(lt(migrationRuns.createdAt, at), and(eq(migrationRuns.createdAt, at), lt(migrationRuns.id, q.after[1])))!);
  }
  return db
    .select(summaryColumns)
    .from(migrationRuns)
    .where(and(...conditions))
    .orderBy(desc(migrationRuns.createdAt), desc(migrationRuns.id))
    .limit(q.limit);
}
