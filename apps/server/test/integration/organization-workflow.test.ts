import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimJob, enqueueJob, findJobByKey } from '@mailyard/db/queries/jobs';
import { connect } from '@mailyard/db';
import { insertMailDomain } from '@mailyard/db/queries/mail-domains';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs, runNextJob } from '../../src/jobs/worker.ts';
import { PermanentJobError } from '../../src/platform/permanent-error.ts';
import { runProvisionStep, startCreating } from '../../src/services/organizations/provision.ts';
import { PROVISION_ORGANIZATION } from '../../src/services/organizations/schedule-provisioning.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, testClock, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';

let deps: TestDeps;
let op: TestOperator;
beforeAll(async () => {
  deps = await createTestDeps({}, testClock());
  op = await createOperator(deps);
});
afterAll(() => deps.database.drop());

const unique = () => `wf-${Math.random().toString(36).slice(2, 10)}`;

describe('organization workflow', () => {
  it('resumes after a crash that happened once the organization was Creating', async () => {
    const caller = callerFor(deps, op.actor);
    const { organizationId } = await caller.organizations.create({ alias: unique() });

    // Worker A claims the job, runs the first step, and dies before finishing (its lease stays held).
    const claimed = await claimJob(deps.db, { workerId: 'worker-a', now: deps.clock(), leaseMs: 60_000 });
    expect(claimed?.kind).toBe(PROVISION_ORGANIZATION);
    await runProvisionStep(deps, { organizationId, domains: [] }, startCreating);
    expect((await caller.organizations.get({ organizationId })).state).toBe('Creating');

    // While the lease holds, no other worker takes the job.
    expect(await runNextJob(deps, jobRegistry, { workerId: 'worker-b' })).toBe(false);

    // "Restart": the lease expires, worker B reclaims the job and every idempotent step runs again.
    deps.clock.advance(61_000);
    expect(await runNextJob(deps, jobRegistry, { workerId: 'worker-b' })).toBe(true);
    const org = await caller.organizations.get({ organizationId });
    expect(org.state).toBe('Active');
    expect(org.domains).toHaveLength(1);
    expect(await findJobByKey(deps.db, `${PROVISION_ORGANIZATION}:${organizationId}`)).toBeNull();
  });

  it('two workers on separate connections never claim the same job', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await callerFor(deps, op.actor).organizations.create({ alias: unique() })).organizationId);
    const second = connect(deps.database.url, { max: 3 });
    try {
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          claimJob(i % 2 ? second.db : deps.db, { workerId: `w${i}`, now: deps.clock(), leaseMs: 60_000 }),
        ),
      );
      const claimedIds = claims.filter((c) => c !== null).map((c) => c!.id);
      expect(new Set(claimedIds).size).toBe(claimedIds.length);
      expect(claimedIds.length).toBe(6);
    } finally {
      await second.close();
    }
    deps.clock.advance(61_000);
    await runDueJobs(deps, jobRegistry);
    for (const organizationId of ids) expect((await callerFor(deps, op.actor).organizations.get({ organizationId })).state).toBe('Active');
  });

  it('ends in Failed, with the reason shown, when a step cannot finish', async () => {
    // An organization whose free test domain already belongs to another organization cannot be provisioned.
    const { organizationId: owner } = await callerFor(deps, op.actor).organizations.create({ alias: unique() });
    const alias = unique();
    await insertMailDomain(deps.db, {
      organizationId: owner,
      domain: `${alias}.mailyard.test`,
      isTestDomain: false,
      isDefault: false,
      ownershipStatus: 'VERIFIED',
      dkimStatus: 'VERIFIED',
      ownershipToken: null,
      verifiedAt: deps.clock(),
      nextCheckAt: null,
      clientToken: null,
      createdAt: deps.clock(),
    });
    const { organizationId } = await callerFor(deps, op.actor).organizations.create({ alias });
    await runDueJobs(deps, jobRegistry);
    const org = await callerFor(deps, op.actor).organizations.get({ organizationId });
    expect(org.state).toBe('Failed');
    expect(org.errorMessage).toBe(`The test domain ${alias}.mailyard.test is already used by another organization.`);
    expect((await callerFor(deps, op.actor).organizations.get({ organizationId: owner })).state).toBe('Active');
  });

  it('retries a failing step with back-off before giving up', async () => {
    let calls = 0;
    const flaky = {
      async run() {
        calls++;
        if (calls < 3) throw new Error('transient');
      },
    };
    await enqueueJob(deps.db, { kind: 'test.flaky', payload: {}, runAt: deps.clock(), createdAt: deps.clock(), maxAttempts: 5 });
    const registry = { 'test.flaky': flaky };
    expect(await runDueJobs(deps, registry)).toBe(1);
    deps.clock.advance(2_001);
    expect(await runDueJobs(deps, registry)).toBe(1);
    deps.clock.advance(4_001);
    expect(await runDueJobs(deps, registry)).toBe(1);
    expect(calls).toBe(3);
    deps.clock.advance(60_000);
    expect(await runDueJobs(deps, registry)).toBe(0);
  });

  it('gives up at once on a permanent error', async () => {
    let gaveUp = false;
    const registry = {
      'test.permanent': {
        run: async () => {
          throw new PermanentJobError('no');
        },
        giveUp: async () => {
          gaveUp = true;
        },
      },
    };
    await enqueueJob(deps.db, { kind: 'test.permanent', payload: {}, runAt: deps.clock(), createdAt: deps.clock() });
    await runDueJobs(deps, registry);
    expect(gaveUp).toBe(true);
  });
});
