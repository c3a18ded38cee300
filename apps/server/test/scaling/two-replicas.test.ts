import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { SIGN_IN_LIMITS } from '@mailyard/core/auth';
import type { Counts } from '@mailyard/db/testing';
import type { MailyardClient } from '../../../../packages/client/src/index.ts';
import { finishedJob, waitForRunningJob } from '../support/faults.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, cookieClient, operatorClient, operatorToken, signIn, waitFor } from '../support/product.ts';
import { startReplicas, type Replicas } from '../support/replicas.ts';
import { tally, trpcCall } from '../support/trpc-http.ts';

/**
 * Two processes of the built product on one PostgreSQL with the same secret key, as replicas behind a proxy run:
 * what the README calls stateless, checked from outside. A session, a rate-limit window and a job are each one
 * row of the shared database, so it does not matter which replica a request or a job lands on; a replica killed with
 * a job in hand leaves it to the other once its lease (2 s here) runs out.
 */
const LEASE_SECONDS = 2;
let cluster: Replicas;
let urls: [string, string];
/** An API token's client of each replica (the token is stored once, valid on both). */
let clients: [MailyardClient, MailyardClient];
/** What one organization holds once Quick setup is done (provisioned on replica 0, no lock in its way). */
let provisioned: Counts;

beforeAll(async () => {
  cluster = await startReplicas(2, { MAILYARD_JOB_LEASE_SECONDS: String(LEASE_SECONDS) });
  urls = [cluster.replicas[0]!.url, cluster.replicas[1]!.url];
  // The token is made through the first replica and presented to both.
  const token = await operatorToken(urls[0]);
  clients = [await operatorClient(urls[0], token), await operatorClient(urls[1], token)];
  const { organizationId } = await clients[0].organizations.create.mutate({ alias: 'reference' });
  await activeOrganization(organizationId);
  provisioned = await cluster.probe.counts(organizationId);
}, 180_000);
afterAll(() => cluster?.close());

async function activeOrganization(organizationId: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(`organization ${organizationId} to be Active`, async () => {
    const [row] = await cluster.probe.sql<{ state: string }[]>`select state from organizations where id = ${organizationId}`;
    return row?.state === 'Active';
  }, timeoutMs);
}

async function provisioningJobs(organizationId: string) {
  return cluster.probe.sql<{ id: number; state: string; attempts: number; lockedBy: string; lockedUntil: Date | null; finishedAt: Date | null }[]>`
    select id::int, state, attempts, locked_by as "lockedBy", locked_until as "lockedUntil", finished_at as "finishedAt"
    from jobs where key = ${`organization.provision:${organizationId}`}`;
}

describe('two replicas on one PostgreSQL', () => {
  it('a console session made on one replica works on the other, and signing out on either ends it on both', async () => {
    const cookie = await signIn(urls[0]);
    const [onA, onB] = [cookieClient(urls[0], cookie), cookieClient(urls[1], cookie)];
    expect(await onB.auth.me.query()).toMatchObject({ email: ADMIN_EMAIL, via: 'session' });
    // A change through the second replica with the first one's session, read back through the first.
    const { organizationId } = await onB.organizations.create.mutate({ alias: 'made-on-b' });
    expect(await onA.organizations.get.query({ organizationId })).toMatchObject({ alias: 'made-on-b' });
    await activeOrganization(organizationId); // its provisioning job done: both workers free for the next test

    await onB.auth.signOut.mutate();
    expect(await onA.auth.me.query()).toBeNull();
    expect(await onB.auth.me.query()).toBeNull();
  });

  it('provisioning jobs held by both workers at once each run exactly once', async () => {
    const { probe } = cluster;
    // Quick setup's directory step waits on this lock: a worker runs one job at a time, so two provisioning jobs
    // waiting on it at once are held by the two replicas, one each.
    const directories = await probe.hold(['lock table directories in share mode']);
    onTestFinished(() => directories.release());
    const created = [
      await clients[0].organizations.create.mutate({ alias: 'parallel-a' }),
      await clients[1].organizations.create.mutate({ alias: 'parallel-b' }),
    ].map((o) => o.organizationId);
    let running: string[] = [];
    await waitFor('both provisioning jobs to be claimed', async () => {
      const claimed = await Promise.all(created.map(async (id) => (await provisioningJobs(id)).filter((j) => j.state === 'running')));
      running = claimed.flat().map((j) => j.lockedBy);
      return running.length === 2;
    }, 60_000, 20);
    expect(new Set(running.map((lockedBy) => cluster.holderOf(lockedBy)))).toEqual(new Set([0, 1]));
    await directories.release();

    for (const id of created) {
      await activeOrganization(id);
      const [job] = await provisioningJobs(id);
      expect(await finishedJob(probe, job!.id)).toMatchObject({ state: 'done', attempts: 1 });
      expect(await provisioningJobs(id)).toHaveLength(1);
      expect(await probe.counts(id)).toEqual(provisioned);
    }
    // Across the whole queue no key ran twice, the sweeps each replica asks for when it starts included.
    expect(await probe.sql`select key, count(*)::int as n from jobs where key is not null group by key having count(*) > 1`).toEqual([]);
  }, 120_000);

  it('sign-in attempts split across the replicas meet the per-address limit at the same total as on one process, and the right password is then refused on both', async () => {
    // The limit counts in fixed windows (SIGN_IN_LIMITS.windowMinutes); attempts sent just before a window ends would
    // be split between two windows, so that minute is waited out.
    const windowMs = SIGN_IN_LIMITS.windowMinutes * 60_000;
    const left = windowMs - (Date.now() % windowMs);
    if (left < 60_000) await new Promise((r) => setTimeout(r, left + 100));

    const [first, second] = urls;
    const attempts = Array.from({ length: 20 }, (_, i) =>
      trpcCall(i % 2 === 0 ? first : second, 'auth.signIn', { email: ADMIN_EMAIL, password: `Wrong-password-${i}` }),
    );
    expect(tally(await Promise.all(attempts))).toEqual({ 'AUTH.INVALID_CREDENTIALS': SIGN_IN_LIMITS.perAddress, 'AUTH.RATE_LIMITED': 20 - SIGN_IN_LIMITS.perAddress });
    for (const url of [first, second]) {
      expect(await trpcCall(url, 'auth.signIn', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).toMatchObject({ status: 429, error: 'AUTH.RATE_LIMITED' });
    }
  }, 120_000);

  it('a replica killed (-9) with a job leased: the other takes the job over when the lease ends, and it runs to the end once', async () => {
    const { probe } = cluster;
    const directories = await probe.hold(['lock table directories in share mode']);
    onTestFinished(() => directories.release());
    const { organizationId } = await clients[1].organizations.create.mutate({ alias: 'orphaned' });
    await waitFor('the provisioning job to wait on the lock', async () => (await probe.lockWaiters()) > 0, 30_000, 20);
    const held = await waitForRunningJob(probe, `organization.provision:${organizationId}`);
    const holder = cluster.holderOf(held.lockedBy);
    const lease = (await provisioningJobs(organizationId))[0]!.lockedUntil!;

    await cluster.kill(holder);
    const killedAt = performance.now();
    await directories.release();
    await activeOrganization(organizationId, LEASE_SECONDS * 1000 + 30_000);
    console.info(`the surviving replica finished the job ${((performance.now() - killedAt) / 1000).toFixed(1)} s after kill -9 (lease ${LEASE_SECONDS} s)`);

    const job = await finishedJob(probe, held.id);
    expect(job).toMatchObject({ state: 'done', attempts: 2 });
    expect(await provisioningJobs(organizationId)).toHaveLength(1);
    expect(cluster.holderOf(job.lockedBy!)).toBe(1 - holder);
    expect(job.finishedAt!.getTime()).toBeGreaterThanOrEqual(lease.getTime());
    expect(await probe.counts(organizationId)).toEqual(provisioned);
    // The survivor serves on, with the token made on the other replica.
    await expect(clients[1 - holder]!.organizations.get.query({ organizationId })).resolves.toMatchObject({ state: 'Active' });
  }, 120_000);
});
