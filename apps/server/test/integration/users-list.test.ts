import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createEnabledUser, type ActiveOrganization } from '../support/users.ts';
import { listScope } from '../../src/services/organization-list.ts';

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

  it('searches a fragment anywhere in the user name, the display name or the primary address, each user once, by name', async () => {
    // carl by "Carl Marx", jdoe by "Mark Doe", maria by all three, Martin by name, display name and address.
    expect(names(await list({ search: 'MAR' }))).toEqual(['carl', 'jdoe', 'maria', 'Martin']);
    expect(names(await list({ search: 'ann s' }))).toEqual(['ann']);
    expect(names(await list({ search: 'smith' }))).toEqual(['ann']);
    expect(names(await list({ search: 'il-ze' }))).toEqual(['zed']);
    expect(names(await list({ search: 'john.doe@' }))).toEqual(['jdoe']);
    expect(names(await list({ search: 'post' }))).toEqual(['postmaster']);
    expect(names(await list({ search: 'nobody' }))).toEqual([]);
  });

  it('pages a search without repeats or gaps', async () => {
    expect(await everything({ search: 'mar', limit: 1 })).toEqual(['carl', 'jdoe', 'maria', 'Martin']);
    expect(await everything({ search: 'mar', limit: 2, sort: 'displayName', descending: true })).toEqual(['Martin', 'jdoe', 'maria', 'carl']);
    expect(await everything({ search: 'o', limit: 2, state: 'DISABLED' })).toEqual(['bob']);
  });

  it('counts the users under the same filters, exactly when there are few', async () => {
    const count = (input: Record<string, unknown> = {}) => callerFor(deps, op.actor).users.count({ organizationId: org.organizationId, ...input });
    expect(await count()).toEqual({ count: (await everything({ limit: 100 })).length, exact: true });
    expect(await count({ search: 'mar' })).toEqual({ count: 4, exact: true });
    expect(await count({ state: 'DISABLED' })).toEqual({ count: 1, exact: true });
    const stranger = await createOperator(deps);
    expect((await failure(callerFor(deps, stranger.actor).users.count({ organizationId: org.organizationId }))).code).toBe('NOT_FOUND');
  });

  it("proves the tenant check with the page's own statement: another account's organization, or one outside a token's, is not found", async () => {
    const stranger = await createOperator(deps);
    const elsewhere = { ...op.actor, via: 'api_token:x', organizationIds: ['m-00000000000000000000000000000000'] };
    for (const actor of [stranger.actor, elsewhere]) {
      for (const input of [{}, { search: 'mar' }, { search: 'm' }, { sort: 'createdAt' as const, descending: true }]) {
        const refused = await failure(callerFor(deps, actor).users.list({ organizationId: org.organizationId, ...input }));
        expect(refused).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ORGANIZATION.NOT_FOUND' });
      }
    }
    // An empty page of one's own organization is an empty page, and a missing organization is not found.
    expect(names(await list({ search: 'nobody' }))).toEqual([]);
    expect((await failure(callerFor(deps, op.actor).users.list({ organizationId: 'm-00000000000000000000000000000000' }))).domainCode).toBe('ORGANIZATION.NOT_FOUND');
  });

  it('sorts by each column, both ways, every page resuming its own order', async () => {
    expect(await everything({ sort: 'name', descending: true, limit: 3, state: 'ENABLED', search: 'a' })).toEqual(['zed', 'postmaster', 'Martin', 'maria', 'jdoe', 'carl', 'ann']);
    // The test clock stands still, so creation times tie: the id decides, the same way on every page.
    for (const descending of [false, true]) {
      const whole = await list({ sort: 'createdAt', descending, search: 'mar', limit: 100 });
      expect(await everything({ sort: 'createdAt', descending, limit: 1, search: 'mar' })).toEqual(names(whole));
    }
    expect(await everything({ sort: 'state', limit: 2, search: 'o' })).toEqual(expect.arrayContaining(['bob']));
    expect((await everything({ sort: 'state', limit: 2, search: 'o' }))[0]).toBe('bob');
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
    // Cursors are not signed: a forged one of the right list still never puts a malformed value into SQL.
    const forge = (filters: object, key: string[]) =>
      Buffer.from(JSON.stringify({ for: listScope('users', org.organizationId, { ...filters, descending: false }), key })).toString('base64url');
    expect((await failure(list({ cursor: forge({}, ['a', 'not-a-uuid']) }))).code).toBe('BAD_REQUEST');
    expect((await failure(list({ sort: 'createdAt', cursor: forge({ sort: 'createdAt' }, ['yesterday', ids.ann!]) }))).code).toBe('BAD_REQUEST');
    expect((await failure(list({ sort: 'state', cursor: forge({ sort: 'state' }, ['ENABLED', ids.ann!]) }))).code).toBe('BAD_REQUEST');
    expect((await list({ sort: 'createdAt', cursor: forge({ sort: 'createdAt' }, ['2026-01-01 00:00:00+00', ids.ann!]) })).items.length).toBeGreaterThan(0);
  });

  it('refuses bad list input naming the field', async () => {
    const error = await failure(list({ search: 'a\u0000', limit: 101 }));
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['limit', 'search']);
  });
});
