import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createEnabledUser, PASSWORD, type ActiveOrganization } from '../support/users.ts';

let deps: TestDeps;
let owner: TestOperator;
let intruder: TestOperator;
let org: ActiveOrganization;
let userId: string;
let disabledId: string;
beforeAll(async () => {
  deps = await createTestDeps();
  owner = await createOperator(deps);
  intruder = await createOperator(deps);
  org = await createActiveOrganization(deps, owner.actor);
  userId = (await createEnabledUser(deps, owner.actor, org.organizationId)).userId;
  disabledId = (await createEnabledUser(deps, owner.actor, org.organizationId)).userId;
  await callerFor(deps, owner.actor).users.disable({ organizationId: org.organizationId, userIds: [disabledId] });
});
afterAll(() => deps.database.drop());

/** Every users procedure, with input that would succeed for the owner (or at least pass validation). */
function everyCall(users: ReturnType<typeof callerFor>['users'], organizationId: string, user: string, disabled: string) {
  const ref = { organizationId, userId: user };
  return {
    list: () => users.list({ organizationId }),
    get: () => users.get(ref),
    listAddresses: () => users.listAddresses(ref),
    create: () => users.create({ organizationId, name: 'mallory', displayName: 'Mallory', password: PASSWORD, repeatPassword: PASSWORD }),
    updateDetails: () => users.updateDetails({ ...ref, city: 'Nowhere' }),
    rename: () => users.rename({ ...ref, name: 'mallory' }),
    enable: () => users.enable({ organizationId, users: [{ userId: disabled, email: `x@${org.domain}` }] }),
    disable: () => users.disable({ organizationId, userIds: [user] }),
    delete: () => users.delete({ organizationId, userId: disabled }),
    resetPassword: () => users.resetPassword({ ...ref, password: PASSWORD, repeatPassword: PASSWORD }),
    addAlias: () => users.addAlias({ organizationId, entityId: user, localPart: 'mallory', domain: org.domain }),
    removeAlias: () => users.removeAlias({ organizationId, entityId: user, address: `x@${org.domain}` }),
    setPrimaryAddress: () => users.setPrimaryAddress({ organizationId, entityId: user, address: `mallory@${org.domain}` }),
  };
}

describe('tenant isolation', () => {
  it('an operator of another account gets NOT_FOUND from every users procedure, and nothing changes', async () => {
    const calls = everyCall(callerFor(deps, intruder.actor).users, org.organizationId, userId, disabledId);
    for (const [name, call] of Object.entries(calls)) {
      const error = await failure(call());
      expect({ name, code: error.code, domainCode: error.domainCode }).toEqual({ name, code: 'NOT_FOUND', domainCode: 'ORGANIZATION.NOT_FOUND' });
    }
    const users = callerFor(deps, owner.actor).users;
    expect(await users.get({ organizationId: org.organizationId, userId })).toMatchObject({ state: 'ENABLED', city: null, aliases: [] });
    expect((await users.get({ organizationId: org.organizationId, userId: disabledId })).state).toBe('DISABLED');
  });

  it('a user of another organization of the same account is not found through this one', async () => {
    const other = await createActiveOrganization(deps, owner.actor);
    const calls = everyCall(callerFor(deps, owner.actor).users, other.organizationId, userId, disabledId);
    for (const [name, call] of Object.entries(calls)) {
      if (name === 'list' || name === 'create') continue;
      const error = await failure(call());
      expect({ name, code: error.code, domainCode: error.domainCode }).toEqual({ name, code: 'NOT_FOUND', domainCode: 'USER.NOT_FOUND' });
    }
  });

  it('a credential limited to other organizations gets NOT_FOUND; a read-only one may read but not change', async () => {
    const scoped = { ...owner.actor, organizationIds: ['m-00000000000000000000000000000000'] };
    expect((await failure(callerFor(deps, scoped).users.get({ organizationId: org.organizationId, userId }))).code).toBe('NOT_FOUND');
    const readOnly = callerFor(deps, { ...owner.actor, readOnly: true }).users;
    await expect(readOnly.get({ organizationId: org.organizationId, userId })).resolves.toBeTruthy();
    expect(await failure(readOnly.updateDetails({ organizationId: org.organizationId, userId, city: 'x' }))).toMatchObject({ code: 'FORBIDDEN', domainCode: 'AUTH.READ_ONLY' });
  });

  it('changes wait for the organization to be Active', async () => {
    const { organizationId } = await callerFor(deps, owner.actor).organizations.create({ alias: `pending-${Math.random().toString(36).slice(2, 8)}` });
    const error = await failure(callerFor(deps, owner.actor).users.create({ organizationId, name: 'early', displayName: 'Early', password: PASSWORD, repeatPassword: PASSWORD }));
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'ORGANIZATION.NOT_ACTIVE' });
  });
});
