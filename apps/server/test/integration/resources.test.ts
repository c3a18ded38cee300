import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createTestGroup, uniqueName, type TestOrganization } from '../support/entities.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createMailboxUser } from '../support/mailbox-fixtures.ts';

let deps: TestDeps;
let op: TestOperator;
let stranger: TestOperator;
let org: TestOrganization;
let alice: { userId: string; email: string };

beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  stranger = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
  alice = await createMailboxUser(deps, op.actor, org, 'alice');
});
afterAll(() => deps.database.drop());

const resources = () => callerFor(deps, op.actor).resources;
const ref = (resourceId: string) => ({ organizationId: org.organizationId, resourceId });
const create = (name = uniqueName('room'), type: 'ROOM' | 'EQUIPMENT' = 'ROOM') => resources().create({ organizationId: org.organizationId, name, type });
const auditOf = async (targetId: string) =>
  (await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId: org.organizationId, targetId, after: null, limit: 50 })).reverse();

describe('create and read', () => {
  it('creates a disabled room without an address, accepting requests by itself, with a WorkMail id', async () => {
    const name = uniqueName('Boardroom');
    const room = await resources().create({ organizationId: org.organizationId, name, type: 'ROOM', description: ' Third floor ' });
    expect(room).toMatchObject({
      name,
      type: 'ROOM',
      description: 'Third floor',
      email: null,
      state: 'DISABLED',
      hiddenFromGlobalAddressList: false,
      bookingOptions: { autoAcceptRequests: true, autoDeclineRecurringRequests: false, autoDeclineConflictingRequests: true },
    });
    expect(room.id).toMatch(/^r-[0-9a-f]{32}$/);
    expect(await resources().get(ref(room.id))).toEqual(room);
    expect(await resources().get(ref(room.id.toUpperCase().replace('R-', 'r-')))).toEqual(room);
    const [event] = await auditOf(room.id);
    expect(event).toMatchObject({ action: 'resource.create', targetLabel: name, after: { name, type: 'ROOM', state: 'DISABLED', description: 'Third floor' } });
  });

  it.each([
    ['a name of 21 characters', { name: 'x'.repeat(21) }, 'name', /at most 20/],
    ['a name with a space', { name: 'Board room' }, 'name', /only letters, digits/],
    ['a reserved name', { name: 'postmaster' }, 'name', /reserved/],
    ['another type', { type: 'CAR' }, 'type', /ROOM or EQUIPMENT/],
    ['a description of 65 characters', { description: 'd'.repeat(65) }, 'description', /at most 64/],
  ])('refuses %s, naming the field', async (_, patch, field, rule) => {
    const error = await failure(resources().create({ organizationId: org.organizationId, name: uniqueName('r'), type: 'ROOM', ...patch } as never));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fieldErrors[field]![0]).toMatch(rule);
  });

  it('lists by name with the state filter, the search box and prefix filters, a page at a time', async () => {
    const prefix = uniqueName('lst');
    const made = [];
    for (const n of ['c', 'a', 'b']) made.push(await create(`${prefix}-${n}`, n === 'b' ? 'EQUIPMENT' : 'ROOM'));
    const first = await resources().list({ organizationId: org.organizationId, namePrefix: prefix, limit: 2 });
    expect(first.items.map((r) => r.name)).toEqual([`${prefix}-a`, `${prefix}-b`]);
    const second = await resources().list({ organizationId: org.organizationId, namePrefix: prefix, limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ items: [{ name: `${prefix}-c` }], nextCursor: null });
    expect((await resources().list({ organizationId: org.organizationId, search: `${prefix}-B`.slice(2) })).items.map((r) => r.type)).toEqual(['EQUIPMENT']);
    expect((await resources().list({ organizationId: org.organizationId, namePrefix: prefix, state: 'ENABLED' })).items).toEqual([]);
    const cursorElsewhere = await failure(resources().list({ organizationId: org.organizationId, namePrefix: `${prefix}-`, cursor: first.nextCursor! }));
    expect(cursorElsewhere.fieldErrors.cursor![0]).toMatch(/another list/);
  });

  it('sorts by every column with cursors bound to the order, and counts what the list holds', async () => {
    const prefix = uniqueName('srt');
    for (const [n, type] of [['d', 'ROOM'], ['a', 'EQUIPMENT'], ['c', 'EQUIPMENT'], ['b', 'ROOM']] as const) await create(`${prefix}-${n}`, type);
    const list = (more: object) => resources().list({ organizationId: org.organizationId, namePrefix: prefix, ...more });
    const byType = await list({ sort: 'type', limit: 3 });
    expect(byType.items.map((r) => r.name.slice(-1))).toEqual(['a', 'c', 'b']);
    expect((await list({ sort: 'type', limit: 3, cursor: byType.nextCursor! })).items.map((r) => r.name.slice(-1))).toEqual(['d']);
    expect((await list({ sort: 'name', descending: true })).items.map((r) => r.name.slice(-1))).toEqual(['d', 'c', 'b', 'a']);
    // A cursor of one order is refused by another: it names a position in the list it came from.
    expect((await failure(list({ sort: 'name', limit: 3, cursor: byType.nextCursor! }))).fieldErrors.cursor![0]).toMatch(/another list/);
    const count = (more: object) => resources().count({ organizationId: org.organizationId, namePrefix: prefix, ...more });
    expect(await count({})).toEqual({ count: 4, exact: true });
    expect(await count({ search: `${prefix}-c`.slice(3) })).toEqual({ count: 1, exact: true });
    expect(await count({ state: 'ENABLED' })).toEqual({ count: 0, exact: true });
    expect((await failure(callerFor(deps, stranger.actor).resources.count({ organizationId: org.organizationId }))).domainCode).toBe('ORGANIZATION.NOT_FOUND');
    for (const input of [{}, { search: 'room' }]) {
      expect((await failure(callerFor(deps, stranger.actor).resources.list({ organizationId: org.organizationId, ...input }))).domainCode).toBe('ORGANIZATION.NOT_FOUND');
    }
  });

  it("is not found from another account, nor under another organization's id", async () => {
    const room = await create();
    expect((await failure(callerFor(deps, stranger.actor).resources.get(ref(room.id)))).domainCode).toBe('ORGANIZATION.NOT_FOUND');
    const mine = await createActiveOrganization(deps, op.actor);
    expect(await failure(resources().get({ organizationId: mine.organizationId, resourceId: room.id }))).toMatchObject({ code: 'NOT_FOUND', domainCode: 'RESOURCE.NOT_FOUND' });
  });
});

describe('update', () => {
  it('changes what is given, keeps the rest, clears the description with an empty one, and audits what changed', async () => {
    const room = await create();
    const updated = await resources().update({
      ...ref(room.id),
      type: 'EQUIPMENT',
      description: 'Projector',
      hiddenFromGlobalAddressList: true,
      bookingOptions: { autoDeclineRecurringRequests: true },
    });
    expect(updated).toMatchObject({
      name: room.name,
      type: 'EQUIPMENT',
      description: 'Projector',
      hiddenFromGlobalAddressList: true,
      bookingOptions: { autoAcceptRequests: true, autoDeclineRecurringRequests: true, autoDeclineConflictingRequests: true },
    });
    expect(await resources().get(ref(room.id))).toEqual(updated);
    expect((await resources().update({ ...ref(room.id), description: '' })).description).toBeNull();
    const events = await auditOf(room.id);
    expect(events.at(-2)).toMatchObject({
      action: 'resource.update',
      before: { type: 'ROOM', description: null, hiddenFromGlobalAddressList: false },
      after: { type: 'EQUIPMENT', description: 'Projector', hiddenFromGlobalAddressList: true },
    });
    expect(events.at(-1)).toMatchObject({ before: { description: 'Projector' }, after: { description: null } });
    // Nothing to change writes nothing.
    await resources().update({ ...ref(room.id), type: 'EQUIPMENT' });
    expect(await auditOf(room.id)).toHaveLength(events.length);
  });

  it('turns automatic acceptance off only with a delegate, and keeps the last delegate then', async () => {
    const room = await create();
    const off = { ...ref(room.id), bookingOptions: { autoAcceptRequests: false } };
    const refused = await failure(resources().update(off));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'RESOURCE.NEEDS_DELEGATE' });
    expect(refused.fieldErrors['bookingOptions.autoAcceptRequests']![0]).toMatch(/at least one delegate/);
    await resources().addDelegate({ ...ref(room.id), delegateId: alice.userId });
    expect((await resources().update(off)).bookingOptions.autoAcceptRequests).toBe(false);
    const last = await failure(resources().removeDelegate({ ...ref(room.id), delegateId: alice.userId }));
    expect(last.domainCode).toBe('RESOURCE.NEEDS_DELEGATE');
    expect((await resources().listDelegates(ref(room.id))).items).toHaveLength(1);
  });
});

describe('lifecycle', () => {
  it('enables with an address, refuses another one, disables, deletes, and frees name and address', async () => {
    const room = await create();
    const email = `${room.name.toLowerCase()}@${org.domain}`;
    const enabled = await resources().enable({ ...ref(room.id), email });
    expect(enabled).toMatchObject({ state: 'ENABLED', email, enabledAt: expect.any(Date) });
    expect(await resources().enable({ ...ref(room.id), email: email.toUpperCase() })).toMatchObject({ state: 'ENABLED', email });
    expect(await failure(resources().enable({ ...ref(room.id), email: `x-${email}` }))).toMatchObject({ code: 'CONFLICT', domainCode: 'RESOURCE.ALREADY_REGISTERED' });
    expect(await failure(resources().enable({ ...ref(room.id), email: alice.email }))).toBeTruthy();
    // The address is taken for everyone now.
    expect((await failure(callerFor(deps, op.actor).groups.create({ organizationId: org.organizationId, name: uniqueName('g'), email }))).domainCode).toBe('ADDRESS.IN_USE');
    expect(await failure(resources().delete(ref(room.id)))).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'RESOURCE.INVALID_STATE' });
    expect(await resources().disable(ref(room.id))).toMatchObject({ state: 'DISABLED', email, disabledAt: expect.any(Date) });
    expect((await failure(resources().disable(ref(room.id)))).message).toMatch(/already disabled/);
    expect(await resources().delete(ref(room.id))).toMatchObject({ state: 'DELETED', email: null });
    expect((await failure(resources().update({ ...ref(room.id), description: 'x' }))).domainCode).toBe('RESOURCE.INVALID_STATE');
    expect((await createTestGroup(deps, op.actor, org, room.name, room.name.toLowerCase())).email).toBe(email);
    const actions = (await auditOf(room.id)).map((e) => e.action);
    expect(actions).toEqual(['resource.create', 'resource.enable', 'resource.disable', 'resource.delete']);
  });

  it("refuses an address outside the organization's domains", async () => {
    const room = await create();
    expect(await failure(resources().enable({ ...ref(room.id), email: 'room@example.com' }))).toMatchObject({ code: 'NOT_FOUND', domainCode: 'DOMAIN.NOT_FOUND' });
  });
});

describe('delegates', () => {
  it('adds users and groups once each, lists them with their names, removes them, and audits', async () => {
    const room = await create();
    const group = await createTestGroup(deps, op.actor, org, uniqueName('Facilities'));
    expect(await resources().addDelegate({ ...ref(room.id), delegateId: alice.userId })).toEqual({ added: true });
    expect(await resources().addDelegate({ ...ref(room.id), delegateId: alice.userId, delegateType: 'USER' })).toEqual({ added: false });
    await resources().addDelegate({ ...ref(room.id), delegateId: group.id, delegateType: 'GROUP' });
    const page = await resources().listDelegates({ ...ref(room.id), limit: 1 });
    const rest = await resources().listDelegates({ ...ref(room.id), limit: 1, cursor: page.nextCursor! });
    expect([...page.items, ...rest.items].sort((a, b) => a.type.localeCompare(b.type))).toEqual([
      { id: group.id, type: 'GROUP', name: group.name, email: group.email, state: group.state },
      { id: alice.userId, type: 'USER', name: 'alice', email: alice.email, state: 'ENABLED' },
    ]);
    await resources().removeDelegate({ ...ref(room.id), delegateId: group.id });
    expect(await failure(resources().removeDelegate({ ...ref(room.id), delegateId: group.id }))).toMatchObject({ code: 'NOT_FOUND', domainCode: 'RESOURCE.DELEGATE_NOT_FOUND' });
    const actions = (await auditOf(room.id)).map((e) => e.action);
    expect(actions).toEqual(['resource.create', 'resource.delegate.add', 'resource.delegate.add', 'resource.delegate.remove']);
  });

  it('refuses an unknown or deleted delegate, and a delegate of another type than said', async () => {
    const room = await create();
    const unknown = await failure(resources().addDelegate({ ...ref(room.id), delegateId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ENTITY.NOT_FOUND', fieldErrors: { delegateId: [expect.any(String)] } });
    expect((await failure(resources().addDelegate({ ...ref(room.id), delegateId: alice.userId, delegateType: 'GROUP' }))).domainCode).toBe('ENTITY.NOT_FOUND');
    const group = await callerFor(deps, op.actor).groups.create({ organizationId: org.organizationId, name: uniqueName('old') });
    await callerFor(deps, op.actor).groups.delete({ organizationId: org.organizationId, groupId: group.id });
    expect((await failure(resources().addDelegate({ ...ref(room.id), delegateId: group.id }))).domainCode).toBe('GROUP.INVALID_STATE');
  });

  it('a group deleted stops being a delegate of every resource', async () => {
    const room = await create();
    const group = await callerFor(deps, op.actor).groups.create({ organizationId: org.organizationId, name: uniqueName('temp') });
    await resources().addDelegate({ ...ref(room.id), delegateId: group.id });
    await callerFor(deps, op.actor).groups.delete({ organizationId: org.organizationId, groupId: group.id });
    expect((await resources().listDelegates(ref(room.id))).items).toEqual([]);
    const [event] = (await auditOf(group.id)).filter((e) => e.action === 'group.delete');
    expect(event).toMatchObject({ after: { delegationsRemoved: 1 } });
  });

  it('deleting a resource removes its delegates', async () => {
    const room = await create();
    await resources().addDelegate({ ...ref(room.id), delegateId: alice.userId });
    await resources().delete(ref(room.id));
    expect((await auditOf(room.id)).at(-1)).toMatchObject({ action: 'resource.delete', after: { delegatesRemoved: 1 } });
    expect((await resources().listDelegates(ref(room.id))).items).toEqual([]);
  });
});
