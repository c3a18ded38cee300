import {
  AssociateMemberToGroupCommand,
  CreateAliasCommand,
  CreateGroupCommand,
  CreateUserCommand,
  PutMailboxPermissionsCommand,
  RegisterToWorkMailCommand,
  UpdateMailboxQuotaCommand,
} from '@aws-sdk/client-workmail';
import type { TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { claimJob } from '@mailyard/db/queries/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { PermanentJobError } from '../../src/platform/permanent-error.ts';
import { runMigrationJob } from '../../src/services/migration/run-job.ts';
import { MIGRATE_WORKMAIL, MigrationJob } from '../../src/services/migration/schedule-run.ts';
import type { AppRouter } from '../../src/trpc/app-router.ts';
import { localMailyardClient } from '../../src/trpc/local-client.ts';
import { activeOrganization, awsTenant, type AwsTenant } from '../support/aws.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, liveClock, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createActiveOrganization } from '../support/users.ts';
import { runAfterJobs, shownOfRuns, workMailFields } from './console.ts';

/**
 * The console's *Migrate from WorkMail* end to end on its server side: a run planned and applied by the
 * `migration.run` job, reading a second Mailyard's `/aws` (WorkMail-compatible) with an access key, and changing the
 * target through the typed client in process as the operator who started it. Plan → migrate → plan again (nothing)
 * → a change in the source → only that change; another account's operator sees and starts nothing; the secret key
 * never comes back.
 */
let source: { deps: TestDeps; server: TestServer; tenant: AwsTenant; organizationId: string; domain: string };
let target: { deps: TestDeps; op: TestOperator; organizationId: string };
const USERS = 12;

beforeAll(async () => {
  const [sourceDeps, targetDeps] = await Promise.all([createTestDeps({}, liveClock()), createTestDeps({}, liveClock())]);
  const server = await startTestServer(sourceDeps);
  const tenant = await awsTenant(sourceDeps, server.url);
  const org = await activeOrganization(tenant.client);
  source = { deps: sourceDeps, server, tenant, organizationId: org.organizationId, domain: org.domain };
  await seed();
  const op = await createOperator(targetDeps);
  const { organizationId } = await createActiveOrganization(targetDeps, op.actor);
  target = { deps: targetDeps, op, organizationId };
}, 120_000);

afterAll(async () => {
  await source?.server.close();
  await Promise.all([source?.deps.database.drop(), target?.deps.database.drop()]);
});

/** A small WorkMail organization: users (one disabled), an alias, a quota, a group with members, a permission. */
async function seed() {
  const { client } = source.tenant;
  const OrganizationId = source.organizationId;
  const ids: string[] = [];
  for (let i = 0; i < USERS; i++) {
    const Name = `mover${i}`;
    const { UserId } = await client.send(new CreateUserCommand({ OrganizationId, Name, DisplayName: `Mover ${i}`, FirstName: `First${i}` }));
    ids.push(UserId!);
    if (i === USERS - 1) continue;
    await client.send(new RegisterToWorkMailCommand({ OrganizationId, EntityId: UserId, Email: `${Name}@${source.domain}` }));
  }
  await client.send(new CreateAliasCommand({ OrganizationId, EntityId: ids[0], Alias: `sales@${source.domain}` }));
  await client.send(new UpdateMailboxQuotaCommand({ OrganizationId, UserId: ids[1], MailboxQuota: 2048 }));
  const { GroupId } = await client.send(new CreateGroupCommand({ OrganizationId, Name: 'movers' }));
  await client.send(new RegisterToWorkMailCommand({ OrganizationId, EntityId: GroupId, Email: `movers@${source.domain}` }));
  for (const id of ids.slice(0, 3)) await client.send(new AssociateMemberToGroupCommand({ OrganizationId, GroupId, MemberId: id }));
  await client.send(new PutMailboxPermissionsCommand({ OrganizationId, EntityId: ids[2], GranteeId: ids[3], PermissionValues: ['FULL_ACCESS'] }));
}

const operator = () => callerFor(target.deps, target.op.actor);
const form = () => ({ ...workMailFields(source, target), passwordMode: 'csv' as const, passwordsCsv: 'user,password\nmover0,Moved-Password-0\n' });
const afterJobs = (runId: string) => runAfterJobs(target, runId);

describe('Migrate from WorkMail (console): a server-side run', { timeout: 120_000 }, () => {
  let firstRun: string;

  it('plans: the job reads WorkMail and stores core\'s plan; nothing changes in the target', async () => {
    const started = await operator().migration.plan(form());
    expect(started).toMatchObject({ state: 'planning', plan: null, settings: { accessKeyId: source.tenant.accessKeyId, passwordMode: 'csv', csvRows: 1 } });
    firstRun = started.id;

    const run = await afterJobs(firstRun);
    expect(run.state).toBe('planned');
    const plan = run.plan!;
    const count = (label: RegExp) => plan.counts.find((c) => label.test(c.label))?.count;
    expect(count(/^users to create/i)).toBe(USERS);
    expect(count(/^groups to create/i)).toBe(1);
    expect(plan.changes).toBe(plan.counts.reduce((n, c) => n + c.count, 0));
    expect(plan.passwords).toMatchObject({ password: 1, none: USERS - 1 });
    expect(plan.lines[0]).toBe(`Plan: WorkMail ${source.organizationId} → Mailyard ${target.organizationId} (this Mailyard)`);
    const users = await operator().users.list({ organizationId: target.organizationId, limit: 100 });
    expect(users.items.filter((u) => u.name.startsWith('mover'))).toEqual([]);
  });

  it('migrates a planned run with progress, then verifies: the target matches the source', async () => {
    const started = await operator().migration.start({ organizationId: target.organizationId, runId: firstRun });
    expect(started.state).toBe('applying');
    // Another run cannot start while this one is at work.
    expect(await failure(operator().migration.plan(form()))).toMatchObject({ domainCode: 'MIGRATION.INVALID_STATE' });

    const run = await afterJobs(firstRun);
    expect(run.state).toBe('done');
    expect(run.error).toBeNull();
    const report = run.report!;
    expect(report.failed).toEqual([]);
    expect(report.applied).toBe(run.plan!.changes);
    expect(report.verification.remaining).toBe(0);
    for (const row of report.verification.rows) expect(row.target, row.what).toBe(row.source);
    expect(report.cutover[0]).toBe('Cut-over checklist:');
    expect(report.cutover).toContain('  [x] the target matches the source (run again right before switching)');

    const users = await operator().users.list({ organizationId: target.organizationId, limit: 100 });
    expect(users.items.filter((u) => u.name.startsWith('mover'))).toHaveLength(USERS);
    // Every change went through the procedures as the operator who started the run: their audit trail.
    const events = await listAuditEvents(target.deps.db, { accountId: target.op.actor.accountId, organizationId: target.organizationId, after: null, limit: 500 });
    const created = events.filter((e) => e.action === 'user.create' && e.targetLabel?.startsWith('mover'));
    expect(created).toHaveLength(USERS);
    expect(created.every((e) => e.actorLabel === target.op.email)).toBe(true);
    expect(events.some((e) => e.action === 'migration.complete')).toBe(true);
  });

  it('plans again with the same settings: nothing to change, and migrating it changes nothing', async () => {
    const again = await operator().migration.planAgain({ organizationId: target.organizationId, runId: firstRun });
    expect(again.id).not.toBe(firstRun);
    const planned = await afterJobs(again.id);
    expect(planned.plan!.changes).toBe(0);
    expect(planned.plan!.lines).toContain('Nothing to change: the target matches the source.');
    await operator().migration.start({ organizationId: target.organizationId, runId: again.id });
    const done = await afterJobs(again.id);
    expect(done.report).toMatchObject({ applied: 0, failed: [], verification: { remaining: 0 } });
  });

  it('after a change in WorkMail, a new run applies only that change', async () => {
    const { UserId } = await source.tenant.client.send(new CreateUserCommand({ OrganizationId: source.organizationId, Name: 'latecomer', DisplayName: 'Late Comer' }));
    await source.tenant.client.send(new RegisterToWorkMailCommand({ OrganizationId: source.organizationId, EntityId: UserId, Email: `latecomer@${source.domain}` }));
    const next = await operator().migration.plan(form());
    const planned = await afterJobs(next.id);
    expect(planned.plan!.counts).toEqual([expect.objectContaining({ label: expect.stringMatching(/^users to create/i), count: 1 })]);
    await operator().migration.start({ organizationId: target.organizationId, runId: next.id });
    const done = await afterJobs(next.id);
    expect(done.report).toMatchObject({ applied: 1, failed: [], verification: { remaining: 0 } });
    const list = await operator().migration.list({ organizationId: target.organizationId, limit: 10 });
    expect(list.items.map((r) => r.state)).toEqual(['done', 'done', 'done']);
    expect(await operator().migration.count({ organizationId: target.organizationId })).toEqual({ count: 3, exact: true });
  });

  it('a run whose replica dies mid-way is taken over when its lease ends, and applies only what is left', async () => {
    const { client } = source.tenant;
    const OrganizationId = source.organizationId;
    const names = ['resume0', 'resume1', 'resume2', 'resume3', 'resume4'];
    for (const Name of names) {
      const { UserId } = await client.send(new CreateUserCommand({ OrganizationId, Name, DisplayName: Name }));
      await client.send(new RegisterToWorkMailCommand({ OrganizationId, EntityId: UserId, Email: `${Name}@${source.domain}` }));
    }
    const run = await operator().migration.plan(form());
    expect((await afterJobs(run.id)).plan!.changes).toBe(names.length);
    await operator().migration.start({ organizationId: target.organizationId, runId: run.id });

    // A replica claims the job, creates two users, and dies: its other calls never come back and it never finishes.
    const claimed = await claimJob(target.deps.db, { workerId: 'doomed-replica', now: target.deps.clock(), leaseMs: 60_000, kinds: [MIGRATE_WORKMAIL] });
    let passed = 0;
    const dies: TRPCLink<AppRouter> = () => ({ op, next }) =>
      observable((observer) => (op.type === 'mutation' && ++passed > 2 ? undefined : next(op).subscribe(observer)));
    const job = MigrationJob.parse(claimed!.payload);
    void runMigrationJob(target.deps, job, localMailyardClient(target.deps, job.actor, [dies]));
    await expect.poll(async () => (await operator().users.list({ organizationId: target.organizationId, limit: 100, usernamePrefix: 'resume' })).items.length, { timeout: 10_000 }).toBe(2);
    expect((await operator().migration.get({ organizationId: target.organizationId, runId: run.id })).progress).toMatchObject({ phase: 'Applying', total: names.length });

    // Its lease runs out; another worker takes the job over, plans again and creates the three users left.
    expect(await runDueJobs(target.deps, jobRegistry)).toBe(0);
    target.deps.clock.advance(61_000);
    const done = await afterJobs(run.id);
    expect(done.state).toBe('done');
    expect(done.report).toMatchObject({ applied: 3, failed: [], verification: { remaining: 0 } });
    expect(done.plan!.changes).toBe(3);
    const users = await operator().users.list({ organizationId: target.organizationId, limit: 100, usernamePrefix: 'resume' });
    expect(users.items.map((u) => u.name).sort()).toEqual(names);
  });

  it('fails a run at once, with WorkMail\'s words, when WorkMail refuses the access key', async () => {
    const bad = await operator().migration.plan({ ...form(), secretAccessKey: 'not-the-secret' });
    const run = await afterJobs(bad.id);
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(/^WorkMail refused the request: /);
  });

  it('gives up at once when Mailyard refuses the operator the organization (a credential narrowed to others)', async () => {
    const run = await operator().migration.plan(form());
    const narrowed = { ...target.op.actor, organizationIds: [`m-${'0'.repeat(32)}`] };
    const job = { organizationId: target.organizationId, runId: run.id, actor: narrowed };
    const attempt = await runMigrationJob(target.deps, job, localMailyardClient(target.deps, narrowed)).catch((e: unknown) => e);
    expect(attempt).toBeInstanceOf(PermanentJobError);
    expect((await operator().migration.get({ organizationId: target.organizationId, runId: run.id })).error).toMatch(/was not found/);
    expect((await afterJobs(run.id)).state).toBe('planned');
  });

  it('never returns nor records the secret access key', async () => {
    for (const text of await shownOfRuns(target)) {
      expect(text).not.toContain(source.tenant.secretAccessKey);
      expect(text).not.toContain('Moved-Password-0');
    }
  });

  it("keeps another account's operator out: no run seen, none planned, started or planned again", async () => {
    const other = await createOperator(target.deps);
    const intruder = callerFor(target.deps, other.actor);
    const ref = { organizationId: target.organizationId, runId: firstRun };
    for (const call of [
      () => intruder.migration.list({ organizationId: target.organizationId, limit: 10 }),
      () => intruder.migration.count({ organizationId: target.organizationId }),
      () => intruder.migration.get(ref),
      () => intruder.migration.plan(form()),
      () => intruder.migration.start(ref),
      () => intruder.migration.planAgain(ref),
    ]) {
      expect(await failure(call())).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ORGANIZATION.NOT_FOUND' });
    }
    // Nor can it reach a run through its own organization.
    const own = await createActiveOrganization(target.deps, other.actor);
    expect(await failure(intruder.migration.get({ organizationId: own.organizationId, runId: firstRun }))).toMatchObject({ code: 'NOT_FOUND', domainCode: 'MIGRATION.NOT_FOUND' });
    expect(await failure(intruder.migration.start({ organizationId: own.organizationId, runId: firstRun }))).toMatchObject({ domainCode: 'MIGRATION.NOT_FOUND' });
  });
});
