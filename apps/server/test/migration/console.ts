import type { MigrationRunSummary } from '@mailyard/core/migration';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import type { AwsTenant } from '../support/aws.ts';
import { callerFor } from '../support/caller.ts';
import type { TestDeps } from '../support/deps.ts';
import type { TestOperator } from '../support/fixtures.ts';
import { jobRegistry, runDueJobs } from '../support/jobs.ts';
import type { TestServer } from '../support/server.ts';

/** What the console tests of *Migrate from WorkMail* share: the WorkMail part of the form, and the run after its job. */
export interface WorkMailSide {
  deps: TestDeps;
  server: TestServer;
  tenant: AwsTenant;
  organizationId: string;
}

export interface ConsoleSide {
  deps: TestDeps;
  op: TestOperator;
  organizationId: string;
}

/** The form's fields naming both sides: the source Mailyard's `/aws` as the WorkMail endpoint, with its access key. */
export const workMailFields = (source: WorkMailSide, target: ConsoleSide) => ({
  organizationId: target.organizationId,
  sourceOrganizationId: source.organizationId,
  region: source.deps.config.MAILYARD_REGION,
  endpointUrl: `${source.server.url}/aws`,
  accessKeyId: source.tenant.accessKeyId,
  secretAccessKey: source.tenant.secretAccessKey,
});

/** Runs the target's due jobs (the run's job) and returns the run as the console reads it. */
export async function runAfterJobs(target: ConsoleSide, runId: string): Promise<MigrationRunSummary> {
  await runDueJobs(target.deps, jobRegistry);
  return callerFor(target.deps, target.op.actor).migration.get({ organizationId: target.organizationId, runId });
}

/** Everything the console and the audit log show of the organization's runs, as text (where no secret may be). */
export async function shownOfRuns(target: ConsoleSide): Promise<string[]> {
  const caller = callerFor(target.deps, target.op.actor);
  const list = await caller.migration.list({ organizationId: target.organizationId, limit: 10 });
  const runs = await Promise.all(list.items.map((r) => caller.migration.get({ organizationId: target.organizationId, runId: r.id })));
  const events = await listAuditEvents(target.deps.db, { accountId: target.op.actor.accountId, after: null, limit: 1000 });
  return [list, runs, events].map((shown) => JSON.stringify(shown));
}
