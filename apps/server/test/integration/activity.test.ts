import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEvent } from '@mailyard/core/activity';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createMailboxUser } from '../support/mailbox-fixtures.ts';

let deps: TestDeps;
let op: TestOperator;
let other: TestOperator;
let org: { organizationId: string; domain: string };
let sibling: { organizationId: string; domain: string };
let alice: { userId: string; email: string };
let bob: { userId: string; email: string };

beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps, { email: `Activity.Op-${Date.now()}@example.com` });
  other = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
  sibling = await createActiveOrganization(deps, op.actor);
  deps.clock.advance(1000);
  alice = await createMailboxUser(deps, op.actor, org, 'alice');
  deps.clock.advance(1000);
  bob = await createMailboxUser(deps, op.actor, org, 'bob');
  deps.clock.advance(1000);
  await callerFor(deps, op.actor).mailboxes.updateQuota({ organizationId: org.organizationId, userId: alice.userId, quotaMb: 500 });
  await createMailboxUser(deps, op.actor, sibling, 'carol');
});
afterAll(() => deps.database.drop());

const caller = () => callerFor(deps, op.actor);
type Filters = Omit<Parameters<ReturnType<typeof caller>['activity']['list']>[0], 'cursor' | 'limit'>;

/** Every event a filter selects, read page by page. */
async function readAll(filters: Filters, limit = 2): Promise<ActivityEvent[]> {
  const events: ActivityEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await caller().activity.list({ ...filters, limit, cursor });
    events.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return events;
}

describe('activity of an organization', () => {
  it('lists its events newest first, with who did what to what, before and after', async () => {
    const page = await caller().activity.list({ organizationId: org.organizationId });
    const actions = page.items.map((e) => e.action);
    // Ours first; then the provisioning workflow's (which also creates the system users), oldest last.
    expect(actions.slice(0, 3)).toEqual(['mailbox.update_quota', 'user.create', 'user.create']);
    expect(actions).toEqual(expect.arrayContaining(['organization.provisioned', 'organization.start']));
    expect(actions.at(-1)).toBe('organization.create');
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toMatchObject({
      actorType: 'operator',
      actorLabel: op.email,
      via: 'session',
      targetType: 'user',
      targetId: alice.userId,
      targetLabel: 'alice',
      before: { quotaMb: 51200 },
      after: { quotaMb: 500 },
    });
    expect(page.items[1]).toMatchObject({ targetId: bob.userId, after: expect.objectContaining({ email: bob.email, state: 'ENABLED' }) });
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const all = (await caller().activity.list({ organizationId: org.organizationId, limit: 100 })).items;
    const paged = await readAll({ organizationId: org.organizationId });
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const newest = all.map((e) => e.createdAt.getTime());
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
  });

  it('lists one user’s events', async () => {
    const events = await readAll({ organizationId: org.organizationId, targetId: alice.userId });
    expect(events.map((e) => e.action)).toEqual(['mailbox.update_quota', 'user.create']);
    expect(events.every((e) => e.targetId === alice.userId)).toBe(true);
  });

  it('filters by action prefix', async () => {
    const userEvents = await readAll({ organizationId: org.organizationId, action: 'user.' });
    expect(userEvents.every((e) => e.action.startsWith('user.'))).toBe(true);
    expect(userEvents.slice(0, 2).map((e) => e.targetLabel)).toEqual(['bob', 'alice']);
    expect((await readAll({ organizationId: org.organizationId, action: 'organization.pro' })).map((e) => e.action)).toEqual(['organization.provisioned']);
    expect(await readAll({ organizationId: org.organizationId, action: 'device.' })).toEqual([]);
  });

  it('filters by actor prefix, without case', async () => {
    const byOperator = await readAll({ organizationId: org.organizationId, actor: op.email.slice(0, 12).toUpperCase() });
    expect(byOperator.map((e) => e.action)).toEqual(['mailbox.update_quota', 'user.create', 'user.create', 'organization.create']);
    const bySystem = await readAll({ organizationId: org.organizationId, actor: 'mailyard' });
    expect(bySystem.every((e) => e.actorType === 'system')).toBe(true);
    expect(bySystem.map((e) => e.action)).toEqual(expect.arrayContaining(['organization.provisioned', 'organization.start']));
    // Filters combine; LIKE wildcards in a filter are taken literally.
    expect(await readAll({ organizationId: org.organizationId, actor: 'mailyard', action: 'mailbox.' })).toEqual([]);
    expect((await readAll({ organizationId: org.organizationId, actor: op.email, action: 'mailbox.' })).map((e) => e.targetLabel)).toEqual(['alice']);
    expect(await readAll({ organizationId: org.organizationId, actor: '%' })).toEqual([]);
  });

  it('counts what the list holds under the same filters', async () => {
    const count = (filters: Omit<Filters, 'organizationId'>) => caller().activity.count({ organizationId: org.organizationId, ...filters });
    for (const filters of [{}, { targetId: alice.userId }, { action: 'user.' }, { actor: 'MAILYARD' }, { actor: op.email, action: 'mailbox.' }, { action: 'device.' }]) {
      expect(await count(filters)).toEqual({ count: (await readAll({ organizationId: org.organizationId, ...filters }, 100)).length, exact: true });
    }
    expect(await count({ targetId: alice.userId })).toEqual({ count: 2, exact: true });
    expect((await failure(count({ action: 'User.' }))).fieldErrors.action![0]).toMatch(/lower-case letters/);
  });

  it('keeps the organizations of one account apart', async () => {
    const events = await readAll({ organizationId: sibling.organizationId }, 100);
    expect(events.some((e) => e.targetLabel === 'carol')).toBe(true);
    expect(events.some((e) => e.targetId === alice.userId || e.targetId === bob.userId)).toBe(false);
  });

  it('refuses a cursor from another filter, and bad filters naming the field', async () => {
    const page = await caller().activity.list({ organizationId: org.organizationId, limit: 1 });
    expect(await failure(caller().activity.list({ organizationId: org.organizationId, action: 'user.', cursor: page.nextCursor! }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { cursor: [expect.stringMatching(/another list/)] },
    });
    expect((await failure(caller().activity.list({ organizationId: org.organizationId, action: 'User.Create' }))).fieldErrors.action![0]).toMatch(
      /lower-case letters/,
    );
    expect((await failure(caller().activity.list({ organizationId: org.organizationId, targetId: 'alice' }))).fieldErrors.targetId![0]).toMatch(/UUID/);
    expect((await failure(caller().activity.list({ organizationId: org.organizationId, actor: 'x'.repeat(255) }))).fieldErrors.actor).toBeDefined();
  });
});

describe('tenant isolation', () => {
  it('an operator of another account gets NOT_FOUND for the activity of the organization and of its users', async () => {
    const intruder = callerFor(deps, other.actor);
    for (const input of [{ organizationId: org.organizationId }, { organizationId: org.organizationId, targetId: alice.userId }]) {
      expect(await failure(intruder.activity.list(input))).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ORGANIZATION.NOT_FOUND' });
      expect(await failure(intruder.activity.count(input))).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ORGANIZATION.NOT_FOUND' });
    }
    // Through its own organization it sees nothing of ours.
    const own = await createActiveOrganization(deps, other.actor);
    expect((await intruder.activity.list({ organizationId: own.organizationId, targetId: alice.userId })).items).toEqual([]);
    expect(await intruder.activity.count({ organizationId: own.organizationId, targetId: alice.userId })).toEqual({ count: 0, exact: true });
  });
});
