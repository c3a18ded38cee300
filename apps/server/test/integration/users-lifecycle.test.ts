import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { insertGroupMember } from '@mailyard/db/queries/group-members';
import { insertGroup } from '@mailyard/db/queries/groups';
import { findJobByKey } from '@mailyard/db/queries/jobs';
import { findMailbox } from '@mailyard/db/queries/mailboxes';
import { listMailboxPermissionsPage, putPermissions } from '@mailyard/db/queries/mailbox-permissions';
import { findPasswordHash } from '@mailyard/db/queries/portal-accounts';
import { countUserSessions, insertUserSession } from '@mailyard/db/queries/self-service';
import { DAY_MS } from '../../src/platform/clock.ts';
import { verifyPassword } from '../../src/platform/passwords.ts';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { createUser } from '../../src/services/users/create.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, testClock, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { addDomain, createActiveOrganization, createEnabledUser, uniqueName, type ActiveOrganization } from '../support/users.ts';

let deps: TestDeps;
let op: TestOperator;
let org: ActiveOrganization;
beforeAll(async () => {
  deps = await createTestDeps({}, testClock());
  op = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
});
afterAll(() => deps.database.drop());

const caller = () => callerFor(deps, op.actor);
const get = (userId: string) => caller().users.get({ organizationId: org.organizationId, userId });
const disable = (...userIds: string[]) => caller().users.disable({ organizationId: org.organizationId, userIds });
const enable = (...users: { userId: string; email: string; password?: string; repeatPassword?: string }[]) => caller().users.enable({ organizationId: org.organizationId, users });
const deletionJob = (userId: string) => findJobByKey(deps.db, `mailbox.delete:${org.organizationId}:${userId}`);
const userKey = (userId: string) => ({ organizationId: org.organizationId, userId });

async function openPortalSession(userId: string) {
  const now = deps.clock();
  await insertUserSession(deps.db, { ...userKey(userId), idHash: randomUUID(), createdAt: now, expiresAt: new Date(now.getTime() + DAY_MS) });
}

describe('disable users', () => {
  it('makes each user inaccessible at once and schedules its mailbox deletion 30 days later', async () => {
    const a = await createEnabledUser(deps, op.actor, org.organizationId);
    const b = await createEnabledUser(deps, op.actor, org.organizationId);
    await openPortalSession(a.userId);
    await openPortalSession(a.userId);
    const now = deps.clock();
    const due = new Date(now.getTime() + 30 * DAY_MS);

    expect(await disable(a.userId, b.userId)).toEqual({
      users: [
        { userId: a.userId, mailboxDeletionDueAt: due },
        { userId: b.userId, mailboxDeletionDueAt: due },
      ],
    });
    expect(await countUserSessions(deps.db, userKey(a.userId), now)).toBe(0);
    expect(await get(a.userId)).toMatchObject({
      state: 'DISABLED',
      disabledAt: now,
      email: expect.any(String),
      mailbox: { deprovisionedAt: now, deletionDueAt: due, deletedAt: null },
    });
    expect(await deletionJob(a.userId)).toMatchObject({ kind: 'mailbox.delete', state: 'pending', runAt: due });

    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: a.userId, after: null, limit: 1 });
    expect(event).toMatchObject({
      action: 'user.disable',
      before: { state: 'ENABLED' },
      after: { state: 'DISABLED', mailboxDeletionDueAt: due.toISOString(), sessionsEnded: 2 },
    });
  });

  it('is all or nothing: a system user, an already disabled user or an unknown id is refused by its row', async () => {
    const a = await createEnabledUser(deps, op.actor, org.organizationId);
    const postmaster = (await caller().users.list({ organizationId: org.organizationId, usernamePrefix: 'postmaster' })).items[0]!;
    const system = await failure(disable(a.userId, postmaster.id));
    expect(system).toMatchObject({
      code: 'PRECONDITION_FAILED',
      domainCode: 'USER.SYSTEM_PROTECTED',
      fieldErrors: { 'userIds.1': ['"postmaster" is a system user and cannot be disabled.'] },
    });
    expect((await get(a.userId)).state).toBe('ENABLED');

    const b = await createEnabledUser(deps, op.actor, org.organizationId);
    await disable(b.userId);
    expect(await failure(disable(a.userId, b.userId))).toMatchObject({ domainCode: 'USER.INVALID_STATE', fieldErrors: { 'userIds.1': [expect.stringMatching(/already disabled/)] } });
    expect(await failure(disable(randomUUID()))).toMatchObject({ code: 'NOT_FOUND', domainCode: 'USER.NOT_FOUND', fieldErrors: { 'userIds.0': [expect.any(String)] } });
    expect((await get(a.userId)).state).toBe('ENABLED');
  });
});

describe('the 30-day mailbox deletion (durable job, injected clock)', () => {
  it('keeps the mailbox for 30 days, then deletes it and audits as the system', async () => {
    const { userId } = await createEnabledUser(deps, op.actor, org.organizationId);
    await disable(userId);
    deps.clock.advance(29 * DAY_MS);
    await runDueJobs(deps, jobRegistry);
    expect((await findMailbox(deps.db, org.organizationId, userId))!.deletedAt).toBeNull();

    deps.clock.advance(DAY_MS + 1000);
    await runDueJobs(deps, jobRegistry);
    expect((await get(userId)).mailbox).toMatchObject({ deletedAt: deps.clock() });
    expect(await deletionJob(userId)).toBeNull();
    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: userId, after: null, limit: 1 });
    expect(event).toMatchObject({ action: 'mailbox.delete', actorType: 'system', organizationId: org.organizationId, after: { deletedAt: deps.clock().toISOString() } });
  });

  it('re-enabling before the deletion restores the kept mailbox and cancels the job', async () => {
    const { userId } = await createEnabledUser(deps, op.actor, org.organizationId);
    const email = (await get(userId)).email!;
    const provisionedAt = (await get(userId)).mailbox!.provisionedAt;
    await disable(userId);
    deps.clock.advance(10 * DAY_MS);
    expect(await enable({ userId, email })).toEqual({ users: [{ userId, email }] });

    const user = await get(userId);
    expect(user).toMatchObject({ state: 'ENABLED', email, enabledAt: deps.clock(), disabledAt: null });
    expect(user.mailbox).toMatchObject({ provisionedAt, deprovisionedAt: null, deletionDueAt: null, deletedAt: null });
    expect(await deletionJob(userId)).toBeNull();

    deps.clock.advance(31 * DAY_MS);
    await runDueJobs(deps, jobRegistry);
    expect((await get(userId)).mailbox!.deletedAt).toBeNull();
    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: userId, after: null, limit: 1 });
    expect(event).toMatchObject({ action: 'user.enable', before: { state: 'DISABLED', email }, after: { state: 'ENABLED', email, mailbox: 'restored' } });
  });

  it('enabling after the deletion gives a new, empty mailbox; disabling again schedules a new deletion', async () => {
    const { userId } = await createEnabledUser(deps, op.actor, org.organizationId);
    const email = (await get(userId)).email!;
    await disable(userId);
    deps.clock.advance(31 * DAY_MS);
    await runDueJobs(deps, jobRegistry);
    await enable({ userId, email });
    expect((await get(userId)).mailbox).toMatchObject({ provisionedAt: deps.clock(), usageBytes: 0, deletedAt: null, deletionDueAt: null });

    await disable(userId);
    expect(await deletionJob(userId)).toMatchObject({ state: 'pending', runAt: new Date(deps.clock().getTime() + 30 * DAY_MS) });
  });
});

describe('enable users (the Enable dialog)', () => {
  it('enables each user with the reviewed address: kept, changed (the old one stays as an alias), or a first one', async () => {
    const keep = await createEnabledUser(deps, op.actor, org.organizationId);
    const change = await createEnabledUser(deps, op.actor, org.organizationId);
    const keepEmail = (await get(keep.userId)).email!;
    const oldEmail = (await get(change.userId)).email!;
    const fresh = await createUser(deps, op.actor, { organizationId: org.organizationId, name: uniqueName(), displayName: 'Never enabled' }, { register: false });
    await disable(keep.userId, change.userId);

    const domain = await addDomain(deps, org.organizationId);
    const newEmail = `${uniqueName('new')}@${domain}`;
    const freshEmail = `${uniqueName('fresh')}@${org.domain}`;
    await enable({ userId: keep.userId, email: keepEmail }, { userId: change.userId, email: newEmail }, { userId: fresh.userId, email: freshEmail });

    expect(await get(keep.userId)).toMatchObject({ state: 'ENABLED', email: keepEmail, aliases: [] });
    expect(await get(change.userId)).toMatchObject({ state: 'ENABLED', email: newEmail, aliases: [oldEmail] });
    expect(await get(fresh.userId)).toMatchObject({ state: 'ENABLED', email: freshEmail, mailbox: { provisionedAt: deps.clock() } });
  });

  it('is all or nothing, naming the row of a refused address', async () => {
    const a = await createEnabledUser(deps, op.actor, org.organizationId);
    const b = await createEnabledUser(deps, op.actor, org.organizationId);
    const other = await createEnabledUser(deps, op.actor, org.organizationId);
    await disable(a.userId, b.userId);
    const aEmail = (await get(a.userId)).email!;

    const inUse = await failure(enable({ userId: a.userId, email: aEmail }, { userId: b.userId, email: (await get(other.userId)).email! }));
    expect(inUse).toMatchObject({ code: 'CONFLICT', domainCode: 'ADDRESS.IN_USE', fieldErrors: { 'users.1.email': [expect.stringMatching(/already in use/)] } });
    const foreign = await failure(enable({ userId: a.userId, email: aEmail }, { userId: b.userId, email: 'b@elsewhere.example' }));
    expect(foreign).toMatchObject({ domainCode: 'DOMAIN.NOT_FOUND', fieldErrors: { 'users.1.email': [expect.any(String)] } });
    const twice = await failure(enable({ userId: a.userId, email: aEmail }, { userId: b.userId, email: aEmail.toUpperCase() }));
    expect(twice).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { 'users.1.email': [`${aEmail} is given to two users.`] } });

    expect((await get(a.userId)).state).toBe('DISABLED');
    expect(await deletionJob(a.userId)).not.toBeNull();
  });

  it('gives a user without a password the one typed in the dialog, in the same operation, audited without it', async () => {
    const bare = await createUser(deps, op.actor, { organizationId: org.organizationId, name: uniqueName(), displayName: 'Made by the API' }, { register: false });
    const other = await createEnabledUser(deps, op.actor, org.organizationId);
    await disable(other.userId);
    expect((await get(bare.userId)).hasPassword).toBe(false);
    const email = `${uniqueName('bare')}@${org.domain}`;
    const otherEmail = (await get(other.userId)).email!;
    const password = 'Harbour-Lights-7';

    expect(await enable({ userId: other.userId, email: otherEmail }, { userId: bare.userId, email, password, repeatPassword: password })).toEqual({
      users: [
        { userId: other.userId, email: otherEmail },
        { userId: bare.userId, email },
      ],
    });
    expect(await get(bare.userId)).toMatchObject({ state: 'ENABLED', email, hasPassword: true });
    expect(await verifyPassword((await findPasswordHash(deps.db, userKey(bare.userId)))!, password)).toBe(true);
    // The user who had a password and was given none keeps it.
    expect((await get(other.userId)).hasPassword).toBe(true);
    const events = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: bare.userId, after: null, limit: 5 });
    expect(events.map((e) => e.action).slice(0, 2).sort()).toEqual(['user.enable', 'user.password_reset']);
    expect(JSON.stringify(events)).not.toContain(password);
  });

  it('sets no password and enables no one when a row is refused; a weak or mistyped password names its field', async () => {
    const bare = await createUser(deps, op.actor, { organizationId: org.organizationId, name: uniqueName(), displayName: 'Made by the API' }, { register: false });
    const taken = (await get((await createEnabledUser(deps, op.actor, org.organizationId)).userId)).email!;
    const password = 'Harbour-Lights-7';

    const inUse = await failure(enable({ userId: bare.userId, email: taken, password, repeatPassword: password }));
    expect(inUse).toMatchObject({ domainCode: 'ADDRESS.IN_USE', fieldErrors: { 'users.0.email': [expect.stringMatching(/already in use/)] } });
    expect(await findPasswordHash(deps.db, userKey(bare.userId))).toBeNull();
    expect(await get(bare.userId)).toMatchObject({ state: 'DISABLED', hasPassword: false });

    const email = `${uniqueName('bare')}@${org.domain}`;
    const weak = await failure(enable({ userId: bare.userId, email, password: 'short', repeatPassword: 'short' }));
    expect(weak).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { 'users.0.password': expect.arrayContaining([expect.stringMatching(/8 characters/)]) } });
    const mistyped = await failure(enable({ userId: bare.userId, email, password, repeatPassword: `${password}x` }));
    expect(mistyped).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { 'users.0.repeatPassword': ['Passwords do not match.'] } });
    expect(await get(bare.userId)).toMatchObject({ state: 'DISABLED', hasPassword: false });
  });

  it('refuses a deleted user', async () => {
    const a = await createEnabledUser(deps, op.actor, org.organizationId);
    await disable(a.userId);
    await caller().users.delete({ organizationId: org.organizationId, userId: a.userId });
    const error = await failure(enable({ userId: a.userId, email: `${uniqueName()}@${org.domain}` }));
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'USER.INVALID_STATE', fieldErrors: { 'users.0.email': [expect.stringMatching(/deleted/)] } });
  });
});

describe('delete user', () => {
  it('refuses an enabled user', async () => {
    const { userId } = await createEnabledUser(deps, op.actor, org.organizationId);
    const error = await failure(caller().users.delete({ organizationId: org.organizationId, userId }));
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'USER.INVALID_STATE', message: expect.stringMatching(/disable it before deleting it/) });
  });

  it('ends a disabled user in DELETED, freeing its name and addresses, out of its groups and permissions', async () => {
    const { userId, name } = await createEnabledUser(deps, op.actor, org.organizationId);
    const colleague = await createEnabledUser(deps, op.actor, org.organizationId);
    const email = (await get(userId)).email!;
    const alias = (await caller().users.addAlias({ organizationId: org.organizationId, entityId: userId, localPart: uniqueName('al'), domain: org.domain })).address;
    const now = deps.clock();
    await putPermissions(deps.db, { organizationId: org.organizationId, mailboxEntityId: userId, granteeId: colleague.userId, granteeType: 'USER', permissions: ['FULL_ACCESS'], updatedAt: now });
    await putPermissions(deps.db, { organizationId: org.organizationId, mailboxEntityId: colleague.userId, granteeId: userId, granteeType: 'USER', permissions: ['SEND_AS'], updatedAt: now });
    const groupId = randomUUID();
    await insertGroup(deps.db, { organizationId: org.organizationId, id: groupId, name: uniqueName('g'), primaryEmail: null, state: 'DISABLED', hiddenFromGlobalAddressList: false, enabledAt: null, createdAt: now });
    await insertGroupMember(deps.db, { organizationId: org.organizationId, groupId, memberId: userId, memberType: 'USER', createdAt: now });

    await disable(userId);
    await caller().users.delete({ organizationId: org.organizationId, userId });

    expect(await get(userId)).toMatchObject({ state: 'DELETED', email: null, aliases: [] });
    expect(await findPasswordHash(deps.db, userKey(userId))).toBeNull();
    const permissionsOf = (mailboxEntityId: string) => listMailboxPermissionsPage(deps.db, { organizationId: org.organizationId, mailboxEntityId, after: null, limit: 10 });
    expect(await permissionsOf(userId)).toEqual([]);
    expect(await permissionsOf(colleague.userId)).toEqual([]);

    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: userId, after: null, limit: 1 });
    expect(event).toMatchObject({
      action: 'user.delete',
      before: { state: 'DISABLED', email },
      after: { state: 'DELETED', freedAddresses: expect.arrayContaining([email, alias]), permissionsRemoved: 2, groupsLeft: 1 },
    });

    // The name and both addresses are free for a new user; the deleted mailbox still goes after 30 days.
    const again = await createEnabledUser(deps, op.actor, org.organizationId, { name, email });
    await caller().users.addAlias({ organizationId: org.organizationId, entityId: again.userId, localPart: alias.split('@')[0]!, domain: org.domain });
    expect(await deletionJob(userId)).not.toBeNull();
    expect(await failure(caller().users.delete({ organizationId: org.organizationId, userId }))).toMatchObject({ domainCode: 'USER.INVALID_STATE' });
  });
});

describe('system users', () => {
  it('every organization has an enabled postmaster with its mailbox, made once however often provisioning runs', async () => {
    const page = await caller().users.list({ organizationId: org.organizationId, search: 'postmaster' });
    expect(page.items).toHaveLength(1);
    const postmaster = await get(page.items[0]!.id);
    expect(postmaster).toMatchObject({
      name: 'postmaster',
      displayName: 'Postmaster',
      role: 'SYSTEM_USER',
      state: 'ENABLED',
      email: `postmaster@${org.domain}`,
      hiddenFromGlobalAddressList: true,
      mailbox: { quotaMb: 51200, deletedAt: null },
    });
    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: postmaster.id, after: null, limit: 5 });
    expect(event).toMatchObject({ action: 'user.create', actorType: 'system', after: { role: 'SYSTEM_USER', email: `postmaster@${org.domain}` } });
  });

  it('is protected from delete, rename and disable, and keeps its primary address', async () => {
    const { id: userId } = (await caller().users.list({ organizationId: org.organizationId, usernamePrefix: 'postmaster' })).items[0]!;
    const ref = { organizationId: org.organizationId, userId };
    for (const call of [
      () => caller().users.delete(ref),
      () => caller().users.rename({ ...ref, name: 'mailroom' }),
      () => caller().users.disable({ organizationId: org.organizationId, userIds: [userId] }),
      () => caller().users.setPrimaryAddress({ organizationId: org.organizationId, entityId: userId, address: `mailroom@${org.domain}` }),
    ]) {
      expect(await failure(call())).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'USER.SYSTEM_PROTECTED', message: expect.stringMatching(/^"postmaster" is a system user/) });
    }
    expect(await get(userId)).toMatchObject({ name: 'postmaster', state: 'ENABLED', email: `postmaster@${org.domain}` });
  });
});
