import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createEnabledUser, type ActiveOrganization } from '../support/users.ts';

let deps: TestDeps;
let op: TestOperator;
let org: ActiveOrganization;
/** Users of `org` by name, created in an order unrelated to their names. */
const ids: Record<string, string> = {};
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
  const people: [string, string, string][] = [
    // name, display name, local part
    ['maria', 'Maria Lopez', 'maria'],
    ['jdoe', 'Mark Doe', 'john.doe'],
    ['zed', 'Zed Zulu', 'mail-zed'],
    ['Martin', 'martin', 'martin.b'],
    ['ann', 'Ann Smith', 'ann'],
    ['bob', 'Bob Stone', 'bob'],
    ['carl', 'Carl Marx', 'carl'],
  ];
  for (const [name, displayName, local] of people) {
    ids[name] = (await createEnabledUser(deps, op.actor, org.organizationId, { name, displayName, email: `${local}@${org.domain}` })).userId;
  }
  await callerFor(deps, op.actor).users.disable({ organizationId: org.organizationId, userIds: [ids.bob!] });
});
afterAll(() => deps.database.drop());

const list = (input: Record<string, unknown> = {}) => callerFor(deps, op.actor).users.list({ organizationId: org.organizationId, ...input });
const names = (page: { items: { name: string }[] }) => page.items.map((u) => u.name);

/** Every page of a list, following cursors. */
async function everything(input: Record<string, unknown>) {
  const all: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ ...input, ...(cursor ? { cursor } : {}) });
    all.push(...names(page));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

describe('users list', () => {
  it('lists enabled, disabled and system users by name, without case', async () => {
    const page = await list();
    expect(names(page)).toEqual(['ann', 'bob', 'carl', 'jdoe', 'maria', 'Martin', 'postmaster', 'zed']);
    expect(page.nextCursor).toBeNull();
    expect(page.items.find((u) => u.name === 'postmaster')).toMatchObject({ role: 'SYSTEM_USER', state: 'ENABLED', email: `postmaster@${org.domain}` });
    expect(page.items.find((u) => u.name === 'bob')).toMatchObject({ state: 'DISABLED', role: 'USER', disabledAt: expect.any(Date) });
    expect(page.items[0]).not.toHaveProperty('passwordHash');
  });

  it('filters by state', async () => {
    expect(names(await list({ state: 'DISABLED' }))).toEqual(['bob']);
    expect(names(await list({ state: 'ENABLED' }))).not.toContain('bob');
  });

  it('searches a prefix of the user name, the display name or the primary address, each user once, ordered by what matched', async () => {
    // zed by its address "mail-zed@", maria by all three, jdoe by "Mark Doe", Martin by name and display name; not "Carl Marx".
    expect(names(await list({ search: 'MA' }))).toEqual(['zed', 'maria', 'jdoe', 'Martin']);
    expect(names(await list({ search: 'ann s' }))).toEqual(['ann']);
    expect(names(await list({ search: 'john.doe@' }))).toEqual(['jdoe']);
    expect(names(await list({ search: 'post' }))).toEqual(['postmaster']);
    expect(names(await list({ search: 'nobody' }))).toEqual([]);
  });

  it('pages a search without repeats or gaps', async () => {
    expect(await everything({ search: 'ma', limit: 1 })).toEqual(['zed', 'maria', 'jdoe', 'Martin']);
    expect(await everything({ search: 'm', limit: 2, state: 'ENABLED' })).toEqual(['zed', 'maria', 'jdoe', 'Martin']);
  });

  it('combines the WorkMail ListUsers filters (all must match)', async () => {
    expect(names(await list({ usernamePrefix: 'M' }))).toEqual(['maria', 'Martin']);
    expect(names(await list({ displayNamePrefix: 'mar' }))).toEqual(['maria', 'jdoe', 'Martin']);
    expect(names(await list({ primaryEmailPrefix: 'MA' }))).toEqual(['zed', 'maria', 'Martin']);
    expect(names(await list({ usernamePrefix: 'ma', displayNamePrefix: 'maria' }))).toEqual(['maria']);
    expect(names(await list({ displayNamePrefix: 'b', state: 'DISABLED' }))).toEqual(['bob']);
    expect(names(await list({ displayNamePrefix: 'b', state: 'ENABLED' }))).toEqual([]);
  });

  it('hides deleted users unless asked for by state', async () => {
    const { userId, name } = await createEnabledUser(deps, op.actor, org.organizationId, { name: 'gone' });
    const caller = callerFor(deps, op.actor);
    await caller.users.disable({ organizationId: org.organizationId, userIds: [userId] });
    await caller.users.delete({ organizationId: org.organizationId, userId });
    expect(names(await list())).not.toContain(name);
    expect(names(await list({ state: 'DELETED' }))).toEqual([name]);
  });

  it('pages stay stable when users are added between pages: no repeats, no gaps', async () => {
    const tenant = await createOperator(deps);
    const own = await createActiveOrganization(deps, tenant.actor);
    const caller = callerFor(deps, tenant.actor);
    for (const name of ['b1', 'd1', 'f1', 'h1', 'j1', 'l1']) await createEnabledUser(deps, tenant.actor, own.organizationId, { name });
    const listOwn = (cursor?: string) => caller.users.list({ organizationId: own.organizationId, limit: 3, ...(cursor ? { cursor } : {}) });

    const first = await listOwn();
    expect(names(first)).toEqual(['b1', 'd1', 'f1']);
    // One user sorts before the cursor, one after it.
    await createEnabledUser(deps, tenant.actor, own.organizationId, { name: 'a1' });
    await createEnabledUser(deps, tenant.actor, own.organizationId, { name: 'g1' });
    const second = await listOwn(first.nextCursor!);
    const third = await listOwn(second.nextCursor!);
    expect([...names(second), ...names(third)]).toEqual(['g1', 'h1', 'j1', 'l1', 'postmaster']);
    expect(third.nextCursor).toBeNull();
  });

  it('refuses a forged cursor, and a cursor of another list or other filters', async () => {
    const page = await list({ limit: 2 });
    for (const attempt of [{ cursor: 'garbage' }, { cursor: page.nextCursor!, search: 'm' }, { cursor: page.nextCursor!, state: 'ENABLED' }]) {
      const error = await failure(list(attempt));
      expect(error).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { cursor: ['The page cursor is invalid or belongs to another list.'] } });
    }
    const forged = Buffer.from(JSON.stringify({ for: `users:${org.organizationId}:{}`, key: ['a\u0000', ids.ann] })).toString('base64url');
    expect((await failure(list({ cursor: forged }))).code).toBe('BAD_REQUEST');
  });

  it('refuses bad list input naming the field', async () => {
    const error = await failure(list({ search: 'a\u0000', limit: 101 }));
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['limit', 'search']);
  });
});
