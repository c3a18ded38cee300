import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { uniqueName, type TestOrganization } from '../support/entities.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, USER_PASSWORD } from '../support/mailbox-fixtures.ts';

let deps: TestDeps;
let op: TestOperator;
let org: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
  other = await createActiveOrganization(deps, op.actor);
});
afterAll(() => deps.database.drop());

const api = () => callerFor(deps, op.actor);
const createUser = (name: string, o = org) =>
  api().users.create({ organizationId: o.organizationId, name, displayName: name, password: USER_PASSWORD, repeatPassword: USER_PASSWORD, email: `${name.toLowerCase()}@${o.domain}` });
const createGroup = (name: string, o = org) => api().groups.create({ organizationId: o.organizationId, name });
const createResource = (name: string, o = org) => api().resources.create({ organizationId: o.organizationId, name, type: 'ROOM' });

const shared = /users, groups and resources share one set of names/;

describe('users, groups and resources share one set of names per organization', () => {
  it("refuses a group a user's name, in another case, naming the user", async () => {
    const name = uniqueName('sales');
    await createUser(name);
    const error = await failure(createGroup(name.toUpperCase()));
    expect(error).toMatchObject({ code: 'CONFLICT', domainCode: 'GROUP.NAME_TAKEN' });
    expect(error.fieldErrors.name![0]).toMatch(shared);
    expect(error.fieldErrors.name![0]).toContain(`the user "${name}"`);
  });

  it("refuses a user a group's or a resource's name", async () => {
    const groupName = uniqueName('team');
    const roomName = uniqueName('room');
    await createGroup(groupName);
    await createResource(roomName);
    expect(await failure(createUser(groupName))).toMatchObject({ code: 'CONFLICT', domainCode: 'USER.NAME_TAKEN' });
    expect(await failure(createUser(roomName))).toMatchObject({ code: 'CONFLICT', domainCode: 'USER.NAME_TAKEN' });
  });

  it("refuses a resource a user's or group's name", async () => {
    const userName = uniqueName('ann');
    const groupName = uniqueName('crew');
    await createUser(userName);
    await createGroup(groupName);
    expect(await failure(createResource(userName))).toMatchObject({ code: 'CONFLICT', domainCode: 'RESOURCE.NAME_TAKEN' });
    expect((await failure(createResource(groupName))).fieldErrors.name![0]).toContain(`the group "${groupName}"`);
  });

  it('refuses renames onto another kind\'s name, and lets an entity change the case of its own', async () => {
    const userName = uniqueName('bob');
    const { userId } = await createUser(userName);
    const group = await createGroup(uniqueName('ops'));
    const room = await createResource(uniqueName('hall'));
    expect(await failure(api().groups.rename({ organizationId: org.organizationId, groupId: group.id, name: userName }))).toMatchObject({ domainCode: 'GROUP.NAME_TAKEN' });
    expect(await failure(api().resources.update({ organizationId: org.organizationId, resourceId: room.id, name: group.name }))).toMatchObject({ domainCode: 'RESOURCE.NAME_TAKEN' });
    expect(await failure(api().users.rename({ organizationId: org.organizationId, userId, name: room.name }))).toMatchObject({ domainCode: 'USER.NAME_TAKEN' });
    await api().groups.rename({ organizationId: org.organizationId, groupId: group.id, name: group.name.toUpperCase() });
    expect((await api().resources.update({ organizationId: org.organizationId, resourceId: room.id, name: room.name.toUpperCase() })).name).toBe(room.name.toUpperCase());
  });

  it('frees the name of a deleted entity, and keeps organizations apart', async () => {
    const name = uniqueName('gone');
    const group = await createGroup(name);
    await api().groups.delete({ organizationId: org.organizationId, groupId: group.id });
    expect((await createResource(name)).name).toBe(name);
    expect((await createGroup(name, other)).name).toBe(name);
  });

  // Several races at once: without the name's lock, some of them let two kinds through (checked by removing it).
  // Each race is settled as soon as its calls start (`Promise.allSettled`), so a refusal is never left unhandled
  // while another race is still being set up.
  const ROUNDS = 6;
  const outcomes = async (races: (Promise<PromiseSettledResult<unknown>[]> | PromiseSettledResult<unknown>[])[]) =>
    Promise.all(races.map(async (race) => {
      const results = await race;
      const refused = await Promise.all(results.filter((r) => r.status === 'rejected').map((r) => failure(Promise.reject((r as PromiseRejectedResult).reason))));
      return { passed: results.length - refused.length, refused };
    }));

  it('lets exactly one of a user, a group and a resource racing for one name take it; the others are refused by name', async () => {
    const names = Array.from({ length: ROUNDS }, () => uniqueName('race'));
    for (const { passed, refused } of await outcomes(names.map((name) => Promise.allSettled([createUser(name), createGroup(name.toUpperCase()), createResource(name.toLowerCase())])))) {
      expect(passed).toBe(1);
      expect(refused).toHaveLength(2);
      for (const error of refused) {
        expect(error.code).toBe('CONFLICT');
        expect(error.domainCode).toMatch(/^(USER|GROUP|RESOURCE)\.NAME_TAKEN$/);
        expect(error.fieldErrors.name![0]).toMatch(/already/);
      }
    }
  });

  it('lets exactly one of racing renames of a group and a resource onto one name through', async () => {
    const races = await Promise.all(
      Array.from({ length: ROUNDS }, async () => {
        const name = uniqueName('twin');
        const [group, room] = await Promise.all([createGroup(uniqueName('g')), createResource(uniqueName('r'))]);
        return Promise.allSettled([
          api().groups.rename({ organizationId: org.organizationId, groupId: group.id, name }),
          api().resources.update({ organizationId: org.organizationId, resourceId: room.id, name }),
        ]);
      }),
    );
    for (const { passed, refused } of await outcomes(races)) {
      expect(passed).toBe(1);
      expect(refused[0]!.domainCode).toMatch(/^(GROUP|RESOURCE)\.NAME_TAKEN$/);
    }
  });
});
