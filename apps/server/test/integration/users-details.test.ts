import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { findPasswordHash } from '@mailyard/db/queries/portal-accounts';
import { countUserSessions, insertResetToken, insertUserSession, recentPasswordHashes, useResetToken } from '@mailyard/db/queries/self-service';
import { DAY_MS } from '../../src/platform/clock.ts';
import { verifyPassword } from '../../src/platform/passwords.ts';
import { resetPassword } from '../../src/services/users/reset-password.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createEnabledUser, PASSWORD, uniqueName, type ActiveOrganization } from '../support/users.ts';

let deps: TestDeps;
let op: TestOperator;
let org: ActiveOrganization;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
});
afterAll(() => deps.database.drop());

const users = () => callerFor(deps, op.actor).users;
const ref = (userId: string) => ({ organizationId: org.organizationId, userId });
const lastEvent = async (userId: string) => (await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: userId, after: null, limit: 1 }))[0];
async function deletedUser() {
  const { userId } = await createEnabledUser(deps, op.actor, org.organizationId);
  await users().disable({ organizationId: org.organizationId, userIds: [userId] });
  await users().delete(ref(userId));
  return userId;
}

describe('user details', () => {
  const details = {
    displayName: 'Alice Liddell',
    firstName: 'Alice',
    lastName: 'Liddell',
    initials: 'AL',
    telephone: '+44 20 7946 0000',
    street: '1 Rabbit Hole',
    city: 'Oxford',
    zipCode: 'OX1 1AA',
    country: 'United Kingdom',
    company: 'Wonderland Ltd',
    department: 'Tea parties',
    jobTitle: 'Explorer',
    office: 'Looking-glass',
    hiddenFromGlobalAddressList: true,
  };

  it('sets every personal field, and audits the changed fields before and after', async () => {
    const { userId } = await createEnabledUser(deps, op.actor, org.organizationId, { displayName: 'Alice' });
    await users().updateDetails({ ...ref(userId), ...details });
    expect(await users().get(ref(userId))).toMatchObject(details);
    expect(await lastEvent(userId)).toMatchObject({
      action: 'user.update',
      before: { displayName: 'Alice', firstName: null, city: null, hiddenFromGlobalAddressList: false },
      after: details,
    });
  });

  it('changes only the fields present; null or an empty box clears one; no change writes nothing', async () => {
    const { userId } = await createEnabledUser(deps, op.actor, org.organizationId);
    await users().updateDetails({ ...ref(userId), ...details });
    await users().updateDetails({ ...ref(userId), city: 'London', office: null, company: '' });
    expect(await users().get(ref(userId))).toMatchObject({ ...details, city: 'London', office: null, company: null });
    expect(await lastEvent(userId)).toMatchObject({
      before: { city: 'Oxford', office: 'Looking-glass', company: 'Wonderland Ltd' },
      after: { city: 'London', office: null, company: null },
    });
    const before = await lastEvent(userId);
    await users().updateDetails({ ...ref(userId), city: 'London' });
    expect((await lastEvent(userId))!.id).toBe(before!.id);
  });

  it('refuses over-long and multi-line fields and an empty display name, naming each', async () => {
    const { userId } = await createEnabledUser(deps, op.actor, org.organizationId);
    const error = await failure(users().updateDetails({ ...ref(userId), telephone: '1'.repeat(257), street: 'a\nb', displayName: ' ' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fieldErrors).toEqual({
      telephone: ['Telephone must be at most 256 characters.'],
      street: ['Street may not contain control characters such as line breaks.'],
      displayName: ['Display name is required.'],
    });
  });

  it('refuses a deleted user', async () => {
    const userId = await deletedUser();
    expect(await failure(users().updateDetails({ ...ref(userId), city: 'Paris' }))).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'USER.INVALID_STATE' });
  });
});

describe('rename', () => {
  it('renames, also in case only, and frees the old name', async () => {
    const { userId, name } = await createEnabledUser(deps, op.actor, org.organizationId);
    const next = uniqueName('renamed');
    await users().rename({ ...ref(userId), name: next });
    expect((await users().get(ref(userId))).name).toBe(next);
    expect(await lastEvent(userId)).toMatchObject({ action: 'user.rename', before: { name }, after: { name: next } });
    await users().rename({ ...ref(userId), name: next.toUpperCase() });
    expect((await users().get(ref(userId))).name).toBe(next.toUpperCase());
    // The renamed user keeps its address; the old name is free for a new user.
    await expect(createEnabledUser(deps, op.actor, org.organizationId, { name, email: `${uniqueName()}@${org.domain}` })).resolves.toBeTruthy();
  });

  it('refuses a taken name, a reserved one, and a deleted user', async () => {
    const { userId } = await createEnabledUser(deps, op.actor, org.organizationId);
    const other = await createEnabledUser(deps, op.actor, org.organizationId);
    expect(await failure(users().rename({ ...ref(userId), name: other.name.toUpperCase() }))).toMatchObject({ code: 'CONFLICT', domainCode: 'USER.NAME_TAKEN', fieldErrors: { name: [expect.any(String)] } });
    expect(await failure(users().rename({ ...ref(userId), name: 'abuse' }))).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { name: [expect.stringMatching(/reserved/)] } });
    expect(await failure(users().rename({ ...ref(await deletedUser()), name: uniqueName() }))).toMatchObject({ domainCode: 'USER.INVALID_STATE' });
  });
});

describe('reset password', () => {
  const NEW_PASSWORD = 'Looking-Glass-7';

  it('refuses a weak password naming every rule it breaks (schema and service alike)', async () => {
    const { userId } = await createEnabledUser(deps, op.actor, org.organizationId);
    const error = await failure(users().resetPassword({ ...ref(userId), password: 'pässwörd€', repeatPassword: 'pässwörd€' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fieldErrors.password).toEqual([expect.stringMatching(/only Basic Latin and Latin-1/), expect.stringMatching(/at least 3 of these 5 groups/)]);

    const direct = resetPassword(deps, op.actor, { ...ref(userId), password: 'abc' });
    await expect(direct).rejects.toMatchObject({ code: 'PASSWORD.POLICY', details: { field: 'password', rules: ['minLength', 'groups'] } });
    expect(await verifyPassword((await findPasswordHash(deps.db, ref(userId)))!, PASSWORD)).toBe(true);
  });

  it('sets the new password, records it in the history, ends portal sessions and reset links, and audits without it', async () => {
    const { userId } = await createEnabledUser(deps, op.actor, org.organizationId);
    const now = deps.clock();
    await insertUserSession(deps.db, { ...ref(userId), idHash: randomUUID(), createdAt: now, expiresAt: new Date(now.getTime() + DAY_MS) });
    const tokenHash = randomUUID();
    await insertResetToken(deps.db, { ...ref(userId), tokenHash, issuedBy: 'self', createdAt: now, expiresAt: new Date(now.getTime() + DAY_MS) });

    await users().resetPassword({ ...ref(userId), password: NEW_PASSWORD, repeatPassword: NEW_PASSWORD });
    const hash = (await findPasswordHash(deps.db, ref(userId)))!;
    expect(await verifyPassword(hash, NEW_PASSWORD)).toBe(true);
    expect(await recentPasswordHashes(deps.db, ref(userId), 5)).toHaveLength(2);
    expect((await recentPasswordHashes(deps.db, ref(userId), 1))[0]).toBe(hash);
    expect(await countUserSessions(deps.db, ref(userId), now)).toBe(0);
    expect(await useResetToken(deps.db, tokenHash, now)).toBe(false);

    const event = await lastEvent(userId);
    expect(event).toMatchObject({ action: 'user.password_reset', actorLabel: op.email, after: { sessionsEnded: 1 } });
    expect(JSON.stringify(event)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a mismatched repeat and a deleted user', async () => {
    const { userId } = await createEnabledUser(deps, op.actor, org.organizationId);
    expect(await failure(users().resetPassword({ ...ref(userId), password: NEW_PASSWORD, repeatPassword: 'x' }))).toMatchObject({ fieldErrors: { repeatPassword: ['Passwords do not match.'] } });
    expect(await failure(users().resetPassword({ ...ref(await deletedUser()), password: NEW_PASSWORD, repeatPassword: NEW_PASSWORD }))).toMatchObject({ domainCode: 'USER.INVALID_STATE' });
  });
});
