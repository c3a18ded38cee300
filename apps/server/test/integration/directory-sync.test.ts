import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Change, Attribute } from 'ldapts';
import { inTransaction } from '@mailyard/db';
import { listLinkedGroups, listLinkedUsers } from '@mailyard/db/queries/directory-sync';
import { lockOrganization } from '@mailyard/db/queries/organizations';
import { scheduleDirectorySyncs } from '../../src/services/directories/schedule-syncs.ts';
import { jobRegistry, runDueJobs } from '../support/jobs.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { directoryLdif, userDn } from '../support/directory-seed.ts';
import { openLdapSettings, replaceAttribute } from '../support/directories.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startSlapd, type RunningSlapd } from '../support/slapd.ts';

let deps: TestDeps;
let slapd: RunningSlapd;
let op: TestOperator;
beforeAll(async () => {
  [deps, slapd] = await Promise.all([createTestDeps(), startSlapd(directoryLdif(80))]);
  op = await createOperator(deps);
}, 60_000);
afterAll(async () => {
  await slapd?.close();
  await deps?.database.drop();
});

const unique = () => `std-${Math.random().toString(36).slice(2, 10)}`;

describe('Standard setup on an LDAP directory', () => {
  it('synchronises users (disabled) and nested groups at creation, sync now follows the directory, a second organization is refused', async () => {
    const caller = callerFor(deps, op.actor);
    const directory = await caller.directories.register({ name: 'Corp', ...openLdapSettings(slapd.url) });
    const { organizationId } = await caller.organizations.create({ alias: unique(), directoryId: directory.id });
    await runDueJobs(deps, jobRegistry);
    expect(await caller.organizations.get({ organizationId })).toMatchObject({ state: 'Active', directoryType: 'ExternalDirectory', directoryId: directory.id });

    const users = await listLinkedUsers(deps.db, organizationId);
    expect(users).toHaveLength(80);
    expect(users.every((u) => u.state === 'DISABLED')).toBe(true);
    const groups = await listLinkedGroups(deps.db, organizationId);
    expect(groups.map((g) => g.current.name).sort()).toEqual(['all-staff', 'backend', 'engineering', 'sales']);
    const allStaff = groups.find((g) => g.current.name === 'all-staff')!;
    const members = await caller.groups.listMembers({ organizationId, groupId: allStaff.id });
    expect(members.items.map((m) => m.name).sort()).toEqual(['engineering', 'sales']);
    expect((await caller.directories.get({ directoryId: directory.id })).lastSync).toMatchObject({ usersAdded: 80, groupsAdded: 4, groupsChanged: 0, usersRemoved: 0 });

    expect(await caller.directories.sync({ directoryId: directory.id })).toMatchObject({ usersAdded: 0, usersChanged: 0, usersRemoved: 0, groupsAdded: 0, groupsChanged: 0 });

    await slapd.admin(async (client) => {
      await client.modify(userDn('user002'), new Change({ operation: 'replace', modification: new Attribute({ type: 'displayName', values: ['Renamed Two'] }) }));
      await client.del(userDn('user003'));
    });
    const report = await caller.directories.sync({ directoryId: directory.id });
    expect(report).toMatchObject({ usersAdded: 0, usersChanged: 1, usersRemoved: 1 });
    const after = await listLinkedUsers(deps.db, organizationId);
    expect(after).toHaveLength(80);
    expect(after.find((u) => u.current.name === 'user002')!.current.displayName).toBe('Renamed Two');
    expect(after.find((u) => u.current.name === 'user003')).toMatchObject({ state: 'DISABLED', removedAt: expect.any(Date) });

    expect(await failure(caller.organizations.create({ alias: unique(), directoryId: directory.id }))).toMatchObject({ domainCode: 'DIRECTORY.IN_USE' });
  });

  it('ends the organization Failed with the reason when the directory cannot be reached', async () => {
    const caller = callerFor(deps, op.actor);
    const directory = await caller.directories.register({ name: 'Gone', ...openLdapSettings(slapd.url) });
    await slapd.stop();
    try {
      const { organizationId } = await caller.organizations.create({ alias: unique(), directoryId: directory.id });
      await runDueJobs(deps, jobRegistry);
      const org = await caller.organizations.get({ organizationId });
      expect(org.state).toBe('Failed');
      expect(org.errorMessage).toMatch(/Cannot reach the directory at/);
    } finally {
      await slapd.start();
    }
  });

  it('syncs periodically through the job queue, shows progress while writing, and follows the health of the directory: Impaired while it is down, Active again when it answers', async () => {
    const caller = callerFor(deps, op.actor);
    const directory = await caller.directories.register({ name: 'Periodic', ...openLdapSettings(slapd.url) });
    const { organizationId } = await caller.organizations.create({ alias: unique(), directoryId: directory.id });
    await runDueJobs(deps, jobRegistry);
    expect(await caller.organizations.get({ organizationId })).toMatchObject({ state: 'Active' });
    const interval = deps.config.MAILYARD_DIRECTORY_SYNC_SECONDS;
    // As the server does at start; the run schedules the next one, an interval later.
    await scheduleDirectorySyncs(deps.db, deps.clock(), deps.clock(), interval);

    await replaceAttribute(slapd, userDn('user020'), 'displayName', 'Periodic Twenty');
    await runDueJobs(deps, jobRegistry);
    const renamed = (await listLinkedUsers(deps.db, organizationId)).find((u) => u.current.name === 'user020')!;
    expect(renamed.current.displayName).toBe('Periodic Twenty');
    expect((await caller.directories.get({ directoryId: directory.id })).lastSync).toMatchObject({ usersChanged: 1, usersRemoved: 0 });

    // Nothing is due before the interval has passed: a second change waits for it.
    await replaceAttribute(slapd, userDn('user021'), 'displayName', 'Periodic Twenty-one');
    await runDueJobs(deps, jobRegistry);
    expect((await listLinkedUsers(deps.db, organizationId)).find((u) => u.current.name === 'user021')!.current.displayName).not.toBe('Periodic Twenty-one');

    await slapd.stop();
    try {
      deps.clock.advance(interval * 1000);
      await runDueJobs(deps, jobRegistry);
      const impaired = await caller.organizations.get({ organizationId });
      expect(impaired.state).toBe('Impaired');
      expect(impaired.errorMessage).toMatch(/Cannot reach the directory at/);
      expect(await caller.directories.get({ directoryId: directory.id })).toMatchObject({ health: 'Unavailable', syncProgress: null });
      expect(await failure(caller.directories.sync({ directoryId: directory.id }))).toMatchObject({ domainCode: 'DIRECTORY.UNREACHABLE' });
    } finally {
      await slapd.start();
    }
    deps.clock.advance(interval * 1000);
    await runDueJobs(deps, jobRegistry);
    expect(await caller.organizations.get({ organizationId })).toMatchObject({ state: 'Active', errorMessage: null });
    expect((await listLinkedUsers(deps.db, organizationId)).find((u) => u.current.name === 'user021')!.current.displayName).toBe('Periodic Twenty-one');
    const { items } = await caller.activity.list({ organizationId, limit: 50 });
    expect(items.map((e) => e.action)).toEqual(expect.arrayContaining(['organization.impair', 'organization.healthy']));

    // Progress: the sync waits to write while the test holds the organization's row; meanwhile the directory shows it.
    let release!: () => void;
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const holder = inTransaction(deps.db, async (tx) => {
      await lockOrganization(tx, organizationId);
      held();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await holding;
    const syncing = caller.directories.sync({ directoryId: directory.id });
    try {
      // 79 users (the first test deleted one) and 4 groups read, none written yet.
      await expect
        .poll(async () => (await caller.directories.get({ directoryId: directory.id })).syncProgress, { timeout: 30_000, interval: 50 })
        .toMatchObject({ phase: 'writing', done: 0, total: 83 });
    } finally {
      release();
      await holder;
    }
    expect(await syncing).toMatchObject({ usersFound: 79, usersChanged: 0 });
    expect((await caller.directories.get({ directoryId: directory.id })).syncProgress).toBeNull();
  }, 120_000);
});
