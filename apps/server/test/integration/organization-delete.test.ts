import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '@mailyard/db';
import { findAddress } from '@mailyard/db/queries/addresses';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { findVerifiedDomainOwner } from '@mailyard/db/queries/mail-domains';
import { findOrganization, updateOrganization } from '@mailyard/db/queries/organizations';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { callerFor } from '../support/caller.ts';
import { failure } from '../support/errors.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';

let deps: TestDeps;
let op: TestOperator;
let other: TestOperator;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  other = await createOperator(deps);
});
afterAll(() => deps.database.drop());

const unique = () => `del-${Math.random().toString(36).slice(2, 10)}`;

async function activeOrganization() {
  const alias = unique();
  const { organizationId } = await callerFor(deps, op.actor).organizations.create({ alias });
  await runDueJobs(deps, jobRegistry);
  return { organizationId, alias, domain: `${alias}.mailyard.test` };
}

describe('delete organization', () => {
  it('a change racing the deletion waits for it, then is refused: nothing lands in an organization being released', async () => {
    const caller = callerFor(deps, op.actor);
    const { organizationId, domain } = await activeOrganization();
    const { userId } = await caller.users.create({ organizationId, name: 'racer', displayName: 'Racer', password: 'Str0ng!Passw0rd', repeatPassword: 'Str0ng!Passw0rd' });
    let commitDeletion!: () => void;
    const gate = new Promise<void>((resolve) => (commitDeletion = resolve));
    // What the deletion does, held open: the organization locked for update and marked Deleting.
    const deletion = inTransaction(deps.db, async (tx) => {
      await findOrganization(tx, op.actor.accountId, organizationId, 'update');
      await updateOrganization(tx, organizationId, { state: 'Deleting' });
      await gate;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    let settled = false;
    const change = failure(caller.users.addAlias({ organizationId, entityId: userId, localPart: 'late', domain })).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(settled).toBe(false);
    commitDeletion();
    await deletion;
    expect(await change).toMatchObject({ domainCode: 'ORGANIZATION.NOT_ACTIVE' });
    expect(await findAddress(deps.db, `late@${domain}`)).toBeNull();
  });

  it('goes Deleting, then the workflow releases everything and ends Deleted; the organization stays describable', async () => {
    const caller = callerFor(deps, op.actor);
    const { organizationId, alias, domain } = await activeOrganization();
    const user = await caller.users.create({ organizationId, name: 'ann', displayName: 'Ann', password: 'Str0ng!Passw0rd', repeatPassword: 'Str0ng!Passw0rd' });
    await caller.users.disable({ organizationId, userIds: [user.userId] });

    expect(await caller.organizations.delete({ organizationId })).toEqual({ organizationId, state: 'Deleting' });
    expect(await caller.organizations.delete({ organizationId })).toEqual({ organizationId, state: 'Deleting' });
    await runDueJobs(deps, jobRegistry);

    expect(await caller.organizations.get({ organizationId })).toMatchObject({ state: 'Deleted', alias, domains: [] });
    expect(await caller.organizations.delete({ organizationId })).toEqual({ organizationId, state: 'Deleted' });
    expect(await findVerifiedDomainOwner(deps.db, domain)).toBeNull();
    expect(await findAddress(deps.db, `ann@${domain}`)).toBeNull();
    const listed = await caller.organizations.list({ limit: 100, includeDeleted: true });
    expect(listed.items.find((o) => o.id === organizationId)?.state).toBe('Deleted');
    expect((await caller.organizations.list({ limit: 100 })).items.map((o) => o.id)).not.toContain(organizationId);

    const events = await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId, after: null, limit: 20 });
    const actions = events.map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['organization.deleted', 'organization.release', 'organization.delete']);
    expect(events.find((e) => e.action === 'organization.release')!.after).toMatchObject({ addresses: 2, domains: [domain], users: 2 });

    // The alias is free again: a new organization takes it, with the same test domain.
    const again = await caller.organizations.create({ alias });
    await runDueJobs(deps, jobRegistry);
    expect((await caller.organizations.get({ organizationId: again.organizationId })).defaultMailDomain).toBe(domain);
  });

  it('needs forceDelete while users are enabled', async () => {
    const caller = callerFor(deps, op.actor);
    const { organizationId } = await activeOrganization();
    await caller.users.create({ organizationId, name: 'bob', displayName: 'Bob', password: 'Str0ng!Passw0rd', repeatPassword: 'Str0ng!Passw0rd' });
    const refused = await failure(caller.organizations.delete({ organizationId }));
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'ORGANIZATION.HAS_ENABLED_USERS' });
    expect(refused.fieldErrors.forceDelete![0]).toMatch(/1 enabled user/);
    expect(await caller.organizations.delete({ organizationId, forceDelete: true })).toMatchObject({ state: 'Deleting' });
  });

  it('refuses an organization still being created, and another account’s organization', async () => {
    const caller = callerFor(deps, op.actor);
    const { organizationId } = await caller.organizations.create({ alias: unique() });
    expect(await failure(caller.organizations.delete({ organizationId }))).toMatchObject({
      domainCode: 'ORGANIZATION.INVALID_TRANSITION',
      message: `Organization ${organizationId} is not Active, state: Requested`,
    });
    await runDueJobs(deps, jobRegistry);
    expect((await failure(callerFor(deps, other.actor).organizations.delete({ organizationId }))).code).toBe('NOT_FOUND');
    expect((await caller.organizations.get({ organizationId })).state).toBe('Active');
  });
});
