import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Counts } from '@mailyard/db/testing';
import { blockedOnLock, changes, finishedJob, LEASE_SECONDS, startCrashableServer, waitForRunningJob, type CrashableServer } from '../support/faults.ts';
import { waitFor } from '../support/product.ts';

/**
 * The built product killed with kill -9 at four points, each started again on the same data: what it had committed is
 * there once, what it had not is not there at all, and work it held in the job queue is taken over when the lease of
 * the dead worker expires (`MAILYARD_JOB_LEASE_SECONDS`, 2 s here). The probe holds PostgreSQL locks to stop the
 * server at a known point before the kill, so each test kills it in the middle of the same thing every run.
 */
let server: CrashableServer;
/** What one organization holds once Quick setup is done, measured on one that never saw a crash. */
let provisioned: Counts;

beforeAll(async () => {
  server = await startCrashableServer();
  const { organizationId } = await server.client.organizations.create.mutate({ alias: 'never-crashed' });
  await activeOrganization(organizationId);
  provisioned = await server.probe.counts(organizationId);
}, 120_000);
afterAll(() => server?.close());

async function organizationState(organizationId: string): Promise<string | undefined> {
  const [row] = await server.probe.sql<{ state: string }[]>`select state from organizations where id = ${organizationId}`;
  return row?.state;
}

async function activeOrganization(organizationId: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(`organization ${organizationId} to be Active`, async () => (await organizationState(organizationId)) === 'Active', timeoutMs);
}

/** The lease a killed worker's claim still holds: no one may take the job before it ends. */
async function leaseOf(jobId: number): Promise<Date> {
  const [row] = await server.probe.sql<{ lockedUntil: Date }[]>`select locked_until as "lockedUntil" from jobs where id = ${jobId}`;
  return row!.lockedUntil;
}

describe('kill -9 of Mailyard, then a start on the same data', () => {
  it('right after CreateOrganization: every organization created reaches Active once, its held job taken over at lease expiry', async () => {
    const { probe, client } = server;
    const before = await probe.counts();
    // Quick setup's directory step waits on this lock, so the first provisioning job is mid-run when the server dies.
    const directories = await probe.hold(['lock table directories in share mode']);
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push((await client.organizations.create.mutate({ alias: `crash-create-${i}` })).organizationId);
    await waitFor('a provisioning job to wait on the lock', async () => (await probe.lockWaiters()) > 0, 10_000, 20);
    const held = await waitForRunningJob(probe, `organization.provision:${ids[0]}`);

    let lease!: Date;
    const { killedAt } = await server.killAndRestart(async () => {
      await directories.release();
      lease = await leaseOf(held.id);
    });
    for (const id of ids) await activeOrganization(id, LEASE_SECONDS * 1000 + 20_000);
    const seconds = (performance.now() - killedAt) / 1000;
    console.info(`5 organizations Active ${seconds.toFixed(1)} s after kill -9 (lease ${LEASE_SECONDS} s)`);

    const taken = await finishedJob(probe, held.id);
    expect(taken).toMatchObject({ state: 'done', attempts: 2 });
    expect(taken.finishedAt!.getTime()).toBeGreaterThanOrEqual(lease.getTime());
    expect(seconds).toBeLessThan(LEASE_SECONDS + 15);

    // Each exactly as an organization that never saw a crash; nothing else appeared.
    for (const id of ids) expect(await probe.counts(id)).toEqual(provisioned);
    // Across the whole database too (jobs aside: a start may schedule the next housekeeping or domain-check sweep).
    const { jobs: _sweeps, ...changed } = changes(before, await probe.counts());
    const { jobs: _provisioning, ...fiveOrganizations } = changes({}, Object.fromEntries(Object.entries(provisioned).map(([k, v]) => [k, 5 * v])));
    expect(changed).toEqual(fiveOrganizations);
    expect(await probe.jobStates(ids[0])).toEqual({ 'organization.provision:done': 1 });
  }, 120_000);

  /** The organization of the import; its users are the bulk disable's and the mailbox deletion's. */
  let imported: { organizationId: string; userIds: string[] };

  it('in the middle of a 5,000-row CSV import: every row becomes one user, the batch resumed after lease expiry', async () => {
    const { probe, client } = server;
    const { organizationId } = await client.organizations.create.mutate({ alias: 'crash-import' });
    await activeOrganization(organizationId);
    const { domain } = (await probe.sql<{ domain: string }[]>`select default_mail_domain as domain from organizations where id = ${organizationId}`)[0]!;
    const lines = Array.from({ length: 5000 }, (_, i) => `staff-${i},Staff ${i},staff-${i}@${domain}`);
    const content = ['name,displayName,email', ...lines].join('\r\n') + '\r\n';
    const summary = await client.imports.validate.mutate({ organizationId, fileName: 'staff.csv', content });
    expect(summary).toMatchObject({ validRows: 5000, counts: { invalid: 0 } });
    const before = await probe.counts(organizationId);
    const auditBefore = await probe.auditActions(organizationId);
    await client.imports.start.mutate({ organizationId, importId: summary.id });

    const created = async () => (await probe.counts(organizationId)).users - before.users;
    await waitFor('1,000 users to be created', async () => (await created()) >= 1000, 120_000, 50);
    const [running] = await probe.sql<{ id: number }[]>`select id::int from jobs where kind = 'users.import' and state = 'running'`;
    let lease!: Date;
    const { killedAt } = await server.killAndRestart(async () => {
      lease = await leaseOf(running!.id);
      console.info(`import killed after ${await created()} of 5,000 users`);
    });
    const importState = async () => (await probe.sql<{ state: string }[]>`select state from user_imports where id = ${summary.id}`)[0]!.state;
    await waitFor('the import to finish', async () => (await importState()) === 'done', 180_000, 200);
    console.info(`import finished ${((performance.now() - killedAt) / 1000).toFixed(1)} s after kill -9`);

    const taken = await finishedJob(probe, running!.id);
    expect(taken).toMatchObject({ state: 'done', attempts: 2 });
    expect(taken.finishedAt!.getTime()).toBeGreaterThanOrEqual(lease.getTime());
    // Rows the dead worker created but had not recorded yet are found existing and recorded as skipped, never doubled.
    const done = await client.imports.get.query({ organizationId, importId: summary.id });
    expect(done.counts.created + done.counts.skipped).toBe(5000);
    expect(done).toMatchObject({ processedRows: 5000, counts: { failed: 0 } });
    // One job per batch of 200 rows (more when the resumed batch re-reads rows the dead one had not recorded), each
    // key once (`users.import:<import>:<rows done before it>`), all done.
    // The import is done when its last batch says so; that batch's job is marked done just after.
    const ofImport = `users.import:${summary.id}:%`;
    const [lastBatch] = await probe.sql<{ id: number }[]>`select max(id)::int as id from jobs where key like ${ofImport}`;
    await finishedJob(probe, lastBatch!.id);
    const batches = await probe.sql<{ key: string; state: string }[]>`select key, state from jobs where key like ${ofImport} order by id`;
    expect(new Set(batches.map((b) => b.key)).size).toBe(batches.length);
    expect(batches.every((b) => b.state === 'done')).toBe(true);
    expect(batches.length).toBeGreaterThanOrEqual(25);
    expect(changes(before, await probe.counts(organizationId))).toEqual({ users: 5000, addresses: 5000, mailboxes: 5000, jobs: batches.length, auditEvents: 5002 });
    expect(changes(auditBefore, await probe.auditActions(organizationId))).toEqual({ 'user.create': 5000, 'user_import.apply': 1, 'user_import.complete': 1 });

    const userIds = await probe.sql<{ id: string }[]>`select id from users where organization_id = ${organizationId} and name like 'staff-%' order by name limit 100`;
    imported = { organizationId, userIds: userIds.map((u) => u.id) };
  }, 300_000);

  it('during a bulk disable: the transaction is rolled back whole, and the retry disables each user once', async () => {
    const { probe, client } = server;
    const { organizationId, userIds } = imported;
    const before = await probe.counts(organizationId);
    // The first audit event of the transaction waits on this lock: users already updated, nothing committed.
    const audit = await probe.hold(['lock table audit_events in share mode']);
    const { pending } = await blockedOnLock(probe, () => client.users.disable.mutate({ organizationId, userIds }));
    await server.killAndRestart(() => audit.release());
    expect(await pending).toBeInstanceOf(Error); // the operator was never told it worked

    const states = async () => (await probe.sql<{ state: string; n: number }[]>`
      select state, count(*)::int as n from users where organization_id = ${organizationId} and id in ${probe.sql(userIds)} group by state`)
      .map((r) => `${r.state}:${r.n}`);
    expect(await states()).toEqual(['ENABLED:100']);
    expect(await probe.counts(organizationId)).toEqual(before);

    const { users } = await client.users.disable.mutate({ organizationId, userIds });
    expect(users).toHaveLength(100);
    expect(await states()).toEqual(['DISABLED:100']);
    expect(changes(before, await probe.counts(organizationId))).toEqual({ jobs: 100, auditEvents: 100 });
    expect(await probe.jobStates(organizationId)).toMatchObject({ 'mailbox.delete:pending': 100 });
  }, 120_000);

  it('while a mailbox deletion job runs: the mailbox is deleted once, after the dead worker\'s lease', async () => {
    const { probe } = server;
    const { organizationId } = imported;
    const userId = imported.userIds[0]!;
    const key = `mailbox.delete:${organizationId}:${userId}`;
    const before = await probe.counts(organizationId);
    // The job locks the user's row first: held here, the job stays mid-run. Its 30 days are moved into the past.
    const user = await probe.hold([`select 1 from users where organization_id = '${organizationId}' and id = '${userId}' for update`]);
    await probe.sql`update mailboxes set deletion_due_at = now() - interval '1 second' where organization_id = ${organizationId} and entity_id = ${userId}`;
    await probe.sql`update jobs set run_at = now() where key = ${key} and state = 'pending'`;
    const held = await waitForRunningJob(probe, key);
    await waitFor('the deletion to wait on the user row', async () => (await probe.lockWaiters()) > 0, 10_000, 20);

    let lease!: Date;
    const { killedAt } = await server.killAndRestart(async () => {
      await user.release();
      lease = await leaseOf(held.id);
    });
    const deletedAt = async () =>
      (await probe.sql<{ deletedAt: Date | null }[]>`select deleted_at as "deletedAt" from mailboxes where organization_id = ${organizationId} and entity_id = ${userId}`)[0]!.deletedAt;
    await waitFor('the mailbox to be deleted', async () => (await deletedAt()) !== null, LEASE_SECONDS * 1000 + 20_000);
    console.info(`mailbox deleted ${((performance.now() - killedAt) / 1000).toFixed(1)} s after kill -9 (lease ${LEASE_SECONDS} s)`);

    const taken = await finishedJob(probe, held.id);
    expect(taken).toMatchObject({ state: 'done', attempts: 2 });
    expect(taken.finishedAt!.getTime()).toBeGreaterThanOrEqual(lease.getTime());
    expect(changes(before, await probe.counts(organizationId))).toEqual({ auditEvents: 1 });
    expect(await probe.auditActions(organizationId)).toMatchObject({ 'mailbox.delete': 1 });
    expect(await probe.jobStates(organizationId)).toMatchObject({ 'mailbox.delete:pending': 99, 'mailbox.delete:done': 1 });
  }, 120_000);
});
