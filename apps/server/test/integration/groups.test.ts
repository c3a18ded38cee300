import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NESTED_GROUPS_NOT_SUPPORTED } from '@mailyard/core/groups';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { allowNestedGroups, createTestGroup, uniqueName, type TestOrganization } from '../support/entities.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createMailboxUser } from '../support/mailbox-fixtures.ts';

let deps: TestDeps;
let op: TestOperator;
let other: TestOperator;
let org: TestOrganization;
let alice: { userId: string; email: string };
let bob: { userId: string; email: string };

beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  other = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
  alice = await createMailboxUser(deps, op.actor, org, 'alice');
  bob = await createMailboxUser(deps, op.actor, org, 'bob');
});
afterAll(() => deps.database.drop());

const groups = () => callerFor(deps, op.actor).groups;
const ref = (groupId: string) => ({ organizationId: org.organizationId, groupId });
const auditOf = async (targetId: string) =>
  (await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId: org.organizationId, targetId, after: null, limit: 50 })).reverse();

describe('create group', () => {
  it('creates a disabled group without an address, as WorkMail CreateGroup', async () => {
    const name = uniqueName('Sales');
    const group = await groups().create({ organizationId: org.organizationId, name });
    expect(group).toMatchObject({ name, email: null, state: 'DISABLED', hiddenFromGlobalAddressList: false, enabledAt: null });
    expect(await groups().get(ref(group.id))).toEqual(group);
    const [event] = await auditOf(group.id);
    expect(event).toMatchObject({ action: 'group.create', actorLabel: op.email, before: null, after: { name, email: null, state: 'DISABLED' } });
  });

  it('creates an enabled group with its address in one step', async () => {
    const group = await createTestGroup(deps, op.actor, org, uniqueName('Support'), 'support');
    expect(group).toMatchObject({ email: `support@${org.domain}`, state: 'ENABLED', enabledAt: expect.any(Date) });
    // The address belongs to the group now: users and groups share one namespace.
    const taken = await failure(groups().create({ organizationId: org.organizationId, name: uniqueName('Other'), email: `SUPPORT@${org.domain}` }));
    expect(taken).toMatchObject({ code: 'CONFLICT', domainCode: 'ADDRESS.IN_USE' });
    expect(taken.fieldErrors.email![0]).toMatch(/already in use/);
  });

  it("refuses a user's address and a domain outside the organization, creating nothing", async () => {
    const name = uniqueName('Team');
    const inUse = await failure(groups().create({ organizationId: org.organizationId, name, email: alice.email }));
    expect(inUse.domainCode).toBe('ADDRESS.IN_USE');
    const foreign = await failure(groups().create({ organizationId: org.organizationId, name, email: 'team@example.com' }));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', domainCode: 'DOMAIN.NOT_FOUND', fieldErrors: { email: [expect.stringMatching(/example\.com/)] } });
    const page = await groups().list({ organizationId: org.organizationId, search: name });
    expect(page.items).toEqual([]);
  });

  it('refuses a taken name in another case, naming the field', async () => {
    const name = uniqueName('Marketing');
    await groups().create({ organizationId: org.organizationId, name });
    const error = await failure(groups().create({ organizationId: org.organizationId, name: name.toUpperCase() }));
    expect(error).toMatchObject({ code: 'CONFLICT', domainCode: 'GROUP.NAME_TAKEN' });
    expect(error.fieldErrors.name![0]).toMatch(/already exists/);
  });

  it('lets exactly one of two racing requests take a name', async () => {
    const name = uniqueName('Race');
    const results = await Promise.allSettled([
      groups().create({ organizationId: org.organizationId, name }),
      groups().create({ organizationId: org.organizationId, name: name.toLowerCase() }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((await failure(Promise.reject(rejected.reason))).domainCode).toBe('GROUP.NAME_TAKEN');
  });

  it.each([
    ['a reserved name', 'Postmaster', /reserved for the mail system/],
    ['an empty name', '   ', /required/],
    ['a name above Latin-1', 'Ventes €', /only Basic Latin/],
    ['a name of 257 characters', 'x'.repeat(257), /at most 256/],
  ])('refuses %s naming the rule', async (_, name, rule) => {
    const error = await failure(groups().create({ organizationId: org.organizationId, name }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fieldErrors.name![0]).toMatch(rule);
  });

  it('changes nothing in an organization that is not Active', async () => {
    const { organizationId } = await callerFor(deps, op.actor).organizations.create({ alias: uniqueName('pending') });
    const error = await failure(groups().create({ organizationId, name: 'Sales' }));
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'ORGANIZATION.NOT_ACTIVE' });
  });
});

describe('rename and settings', () => {
  it('renames, also to another case of its own name, and records before and after', async () => {
    const group = await groups().create({ organizationId: org.organizationId, name: uniqueName('old') });
    const renamed = await groups().rename({ ...ref(group.id), name: group.name.toUpperCase() });
    expect(renamed.name).toBe(group.name.toUpperCase());
    const events = await auditOf(group.id);
    expect(events.at(-1)).toMatchObject({ action: 'group.rename', before: { name: group.name }, after: { name: group.name.toUpperCase() } });
  });

  it('refuses a name another group holds, and a reserved name', async () => {
    const a = await groups().create({ organizationId: org.organizationId, name: uniqueName('first') });
    const b = await groups().create({ organizationId: org.organizationId, name: uniqueName('second') });
    expect(await failure(groups().rename({ ...ref(b.id), name: a.name.toUpperCase() }))).toMatchObject({ code: 'CONFLICT', domainCode: 'GROUP.NAME_TAKEN' });
    expect((await failure(groups().rename({ ...ref(b.id), name: 'abuse' }))).fieldErrors.name![0]).toMatch(/reserved/);
    expect((await groups().get(ref(b.id))).name).toBe(b.name);
  });

  it('hides the group from the address book and shows it again', async () => {
    const group = await groups().create({ organizationId: org.organizationId, name: uniqueName('hidden') });
    expect((await groups().setHidden({ ...ref(group.id), hiddenFromGlobalAddressList: true })).hiddenFromGlobalAddressList).toBe(true);
    expect((await groups().get(ref(group.id))).hiddenFromGlobalAddressList).toBe(true);
    await groups().setHidden({ ...ref(group.id), hiddenFromGlobalAddressList: false });
    const updates = (await auditOf(group.id)).filter((e) => e.action === 'group.update');
    expect(updates.map((e) => [e.before, e.after])).toEqual([
      [{ hiddenFromGlobalAddressList: false }, { hiddenFromGlobalAddressList: true }],
      [{ hiddenFromGlobalAddressList: true }, { hiddenFromGlobalAddressList: false }],
    ]);
  });

  it('refuses an unknown group as not found', async () => {
    const error = await failure(groups().rename({ ...ref(randomUUID()), name: 'Anything' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', domainCode: 'GROUP.NOT_FOUND' });
  });
});

describe('enable, disable, delete', () => {
  it('enables a disabled group with an address; the same again changes nothing; another is refused', async () => {
    const group = await groups().create({ organizationId: org.organizationId, name: uniqueName('lifecycle') });
    const email = `lifecycle@${org.domain}`;
    const enabled = await groups().enable({ ...ref(group.id), email: email.toUpperCase() });
    expect(enabled).toMatchObject({ state: 'ENABLED', email, enabledAt: expect.any(Date), disabledAt: null });
    expect(await groups().enable({ ...ref(group.id), email })).toMatchObject({ state: 'ENABLED', email });
    const again = await failure(groups().enable({ ...ref(group.id), email: `other@${org.domain}` }));
    expect(again).toMatchObject({ code: 'CONFLICT', domainCode: 'GROUP.ALREADY_REGISTERED' });
    expect(again.message).toContain(email);
    expect((await auditOf(group.id)).filter((e) => e.action === 'group.enable')).toEqual([
      expect.objectContaining({ before: { state: 'DISABLED', email: null }, after: { state: 'ENABLED', email } }),
    ]);
  });

  it('refuses an address in use and an unverified or foreign domain', async () => {
    const group = await groups().create({ organizationId: org.organizationId, name: uniqueName('taken') });
    expect((await failure(groups().enable({ ...ref(group.id), email: bob.email }))).domainCode).toBe('ADDRESS.IN_USE');
    expect((await failure(groups().enable({ ...ref(group.id), email: 'x@elsewhere.example' }))).domainCode).toBe('DOMAIN.NOT_FOUND');
    expect((await failure(groups().enable({ ...ref(group.id), email: 'not an address' }))).fieldErrors.email).toBeDefined();
    expect((await groups().get(ref(group.id))).state).toBe('DISABLED');
  });

  it('disables a group, keeping its address for it; enabling with another address frees the old one', async () => {
    const group = await createTestGroup(deps, op.actor, org, uniqueName('keep'), 'keep');
    const disabled = await groups().disable(ref(group.id));
    expect(disabled).toMatchObject({ state: 'DISABLED', email: `keep@${org.domain}`, disabledAt: expect.any(Date) });
    expect(await failure(groups().disable(ref(group.id)))).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'GROUP.INVALID_STATE' });
    // Nobody else can take the address of a disabled group.
    const thief = await failure(groups().create({ organizationId: org.organizationId, name: uniqueName('thief'), email: `keep@${org.domain}` }));
    expect(thief.domainCode).toBe('ADDRESS.IN_USE');

    await groups().enable({ ...ref(group.id), email: `kept@${org.domain}` });
    expect((await groups().get(ref(group.id))).email).toBe(`kept@${org.domain}`);
    await expect(groups().create({ organizationId: org.organizationId, name: uniqueName('heir'), email: `keep@${org.domain}` })).resolves.toBeTruthy();
    const disable = (await auditOf(group.id)).find((e) => e.action === 'group.disable');
    expect(disable).toMatchObject({ before: { state: 'ENABLED' }, after: { state: 'DISABLED' } });
  });

  it('deletes only a disabled group, freeing its name, address, members and memberships', async () => {
    const name = uniqueName('doomed');
    const group = await createTestGroup(deps, op.actor, org, name, 'doomed');
    await groups().addMember({ ...ref(group.id), memberId: alice.userId });
    const enabledDelete = await failure(groups().delete(ref(group.id)));
    expect(enabledDelete).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'GROUP.INVALID_STATE' });
    expect(enabledDelete.message).toMatch(/disable it before deleting it/);

    await groups().disable(ref(group.id));
    const deleted = await groups().delete(ref(group.id));
    expect(deleted).toMatchObject({ state: 'DELETED', email: null });
    expect((await groups().get(ref(group.id))).state).toBe('DELETED');
    expect((await groups().listMembers(ref(group.id))).items).toEqual([]);
    expect((await groups().listGroupsOf({ organizationId: org.organizationId, entityId: alice.userId })).items.map((g) => g.id)).not.toContain(group.id);
    expect(await failure(groups().delete(ref(group.id)))).toMatchObject({ domainCode: 'GROUP.INVALID_STATE' });
    expect(await failure(groups().rename({ ...ref(group.id), name: uniqueName('zombie') }))).toMatchObject({ domainCode: 'GROUP.INVALID_STATE' });
    expect(await failure(groups().enable({ ...ref(group.id), email: `zombie@${org.domain}` }))).toMatchObject({ domainCode: 'GROUP.INVALID_STATE' });

    // Name and address are free again.
    await expect(groups().create({ organizationId: org.organizationId, name, email: `doomed@${org.domain}` })).resolves.toMatchObject({ state: 'ENABLED' });
    const event = (await auditOf(group.id)).find((e) => e.action === 'group.delete');
    expect(event).toMatchObject({
      before: { state: 'DISABLED', email: `doomed@${org.domain}` },
      after: { state: 'DELETED', freedAddresses: [`doomed@${org.domain}`], membersRemoved: 1, groupsLeft: 0, permissionsRemoved: 0 },
    });
  });
});

describe('list groups', () => {
  let listOrg: TestOrganization;
  const names = ['Alpha', 'beta', 'Gamma', 'delta', 'Epsilon'];
  beforeAll(async () => {
    listOrg = await createActiveOrganization(deps, op.actor);
    for (const name of names) await createTestGroup(deps, op.actor, listOrg, name, name === 'Gamma' ? 'zeta-team' : undefined);
  });
  const list = (input: Record<string, unknown> = {}) => groups().list({ organizationId: listOrg.organizationId, ...input });

  it('pages by name without case, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((g) => g.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['Alpha', 'beta', 'delta', 'Epsilon', 'Gamma']);
  });

  it('searches a fragment of the name or of the address, and filters by state', async () => {
    expect((await list({ search: 'DEL' })).items.map((g) => g.name)).toEqual(['delta']);
    expect((await list({ search: 'zeta' })).items.map((g) => g.name)).toEqual(['Gamma']);
    expect((await list({ search: 'silo' })).items.map((g) => g.name)).toEqual(['Epsilon']);
    // Gamma by its address zeta@.
    expect((await list({ search: 'e' })).items.map((g) => g.name)).toEqual(['beta', 'delta', 'Epsilon', 'Gamma']);
    expect((await list({ state: 'ENABLED' })).items.map((g) => g.name)).toEqual(['Gamma']);
    expect((await list({ search: '   ' })).items).toHaveLength(5);
  });

  it("takes WorkMail's name and address prefixes as filters that must all match", async () => {
    expect((await list({ namePrefix: 'g' })).items.map((g) => g.name)).toEqual(['Gamma']);
    expect((await list({ primaryEmailPrefix: 'ZETA' })).items.map((g) => g.name)).toEqual(['Gamma']);
    expect((await list({ namePrefix: 'a', primaryEmailPrefix: 'zeta' })).items).toEqual([]);
    const error = await failure(list({ namePrefix: 'a\u0000' }));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { namePrefix: ['Name prefix may not contain control characters.'] } });
  });

  it('pages a search that matches by name and by address, each group once', async () => {
    const searchOrg = await createActiveOrganization(deps, op.actor);
    // "team-b" matches by name; "Zulu" only by its address team-a@; "team-c" by both. By name: Zulu last.
    await createTestGroup(deps, op.actor, searchOrg, 'team-b');
    await createTestGroup(deps, op.actor, searchOrg, 'Zulu', 'team-a');
    await createTestGroup(deps, op.actor, searchOrg, 'team-c', 'team-c');
    await createTestGroup(deps, op.actor, searchOrg, 'Other');
    const first = await groups().list({ organizationId: searchOrg.organizationId, search: 'team', limit: 2 });
    const second = await groups().list({ organizationId: searchOrg.organizationId, search: 'team', limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((g) => g.name)).toEqual(['team-b', 'team-c', 'Zulu']);
    expect(second.nextCursor).toBeNull();
  });

  it('lists deleted groups only when asked for', async () => {
    const group = await createTestGroup(deps, op.actor, listOrg, 'Omega');
    await groups().delete({ organizationId: listOrg.organizationId, groupId: group.id });
    expect((await list()).items.map((g) => g.name)).not.toContain('Omega');
    expect((await list({ state: 'DELETED' })).items.map((g) => g.name)).toEqual(['Omega']);
  });

  it('refuses a forged cursor, and a cursor of another search', async () => {
    expect(await failure(list({ cursor: 'garbage' }))).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { cursor: [expect.any(String)] } });
    const page = await list({ limit: 1 });
    expect((await failure(list({ limit: 1, search: 'a', cursor: page.nextCursor! }))).code).toBe('BAD_REQUEST');
  });
});

describe('members', () => {
  it('adds users, lists them, lists the groups of a user, and removes them', async () => {
    const group = await createTestGroup(deps, op.actor, org, uniqueName('crew'), 'crew');
    expect(await groups().addMember({ ...ref(group.id), memberId: alice.userId })).toEqual({ added: true });
    expect(await groups().addMember({ ...ref(group.id), memberId: bob.userId.toUpperCase(), memberType: 'USER' })).toEqual({ added: true });
    expect(await groups().addMember({ ...ref(group.id), memberId: alice.userId })).toEqual({ added: false });

    const members = await groups().listMembers(ref(group.id));
    expect(members.items).toHaveLength(2);
    expect(members.items).toContainEqual(
      expect.objectContaining({ id: alice.userId, type: 'USER', name: 'alice', email: alice.email, state: 'ENABLED', enabledAt: expect.any(Date) }),
    );
    const first = await groups().listMembers({ ...ref(group.id), limit: 1 });
    const second = await groups().listMembers({ ...ref(group.id), limit: 1, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((m) => m.id).sort()).toEqual([alice.userId, bob.userId].sort());
    expect(second.nextCursor).toBeNull();
    expect(await groups().countMembers(ref(group.id))).toEqual({ count: 2, exact: true });
    expect((await failure(callerFor(deps, other.actor).groups.countMembers(ref(group.id)))).domainCode).toBe('ORGANIZATION.NOT_FOUND');

    const groupsOfAlice = await groups().listGroupsOf({ organizationId: org.organizationId, entityId: alice.userId });
    expect(groupsOfAlice.items.map((g) => g.id)).toContain(group.id);

    await groups().removeMember({ ...ref(group.id), memberId: alice.userId });
    expect((await groups().listMembers(ref(group.id))).items.map((m) => m.id)).toEqual([bob.userId]);
    expect(await groups().countMembers(ref(group.id))).toEqual({ count: 1, exact: true });
    const notMember = await failure(groups().removeMember({ ...ref(group.id), memberId: alice.userId }));
    expect(notMember).toMatchObject({ code: 'NOT_FOUND', domainCode: 'GROUP.MEMBER_NOT_FOUND' });
    expect(notMember.message).toMatch(/"alice" is not a member/);

    const events = (await auditOf(group.id)).filter((e) => e.action.startsWith('group.member.'));
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ['group.member.add', null, { member: { id: alice.userId, type: 'USER', name: 'alice' } }],
      ['group.member.add', null, { member: { id: bob.userId, type: 'USER', name: 'bob' } }],
      ['group.member.remove', { member: { id: alice.userId, type: 'USER', name: 'alice' } }, null],
    ]);
  });

  it('refuses a member that is not an entity of the organization', async () => {
    const group = await groups().create({ organizationId: org.organizationId, name: uniqueName('strict') });
    const elsewhere = await createActiveOrganization(deps, op.actor);
    const stranger = await createMailboxUser(deps, op.actor, elsewhere, 'stranger');
    for (const memberId of [stranger.userId, randomUUID()]) {
      const error = await failure(groups().addMember({ ...ref(group.id), memberId }));
      expect(error).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ENTITY.NOT_FOUND', fieldErrors: { memberId: [expect.any(String)] } });
    }
    // The type, when given, must match.
    expect((await failure(groups().addMember({ ...ref(group.id), memberId: alice.userId, memberType: 'GROUP' }))).domainCode).toBe('ENTITY.NOT_FOUND');
    expect((await failure(groups().addMember({ ...ref(group.id), memberId: group.id }))).fieldErrors.memberId![0]).toMatch(/member of itself/);
    expect((await failure(groups().addMember({ ...ref(randomUUID()), memberId: alice.userId }))).domainCode).toBe('GROUP.NOT_FOUND');
  });

  it('refuses a deleted user as a member, and members for a deleted group', async () => {
    const carol = await createMailboxUser(deps, op.actor, org, uniqueName('carol'));
    const users = callerFor(deps, op.actor).users;
    await users.disable({ organizationId: org.organizationId, userIds: [carol.userId] });
    await users.delete({ organizationId: org.organizationId, userId: carol.userId });
    const group = await groups().create({ organizationId: org.organizationId, name: uniqueName('living') });
    expect(await failure(groups().addMember({ ...ref(group.id), memberId: carol.userId }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      domainCode: 'USER.INVALID_STATE',
    });
    await groups().delete(ref(group.id));
    expect((await failure(groups().addMember({ ...ref(group.id), memberId: alice.userId }))).domainCode).toBe('GROUP.INVALID_STATE');
  });

  it('refuses nested groups in the built-in directory with a clear message', async () => {
    const outer = await groups().create({ organizationId: org.organizationId, name: uniqueName('outer') });
    const inner = await groups().create({ organizationId: org.organizationId, name: uniqueName('inner') });
    const error = await failure(groups().addMember({ ...ref(outer.id), memberId: inner.id }));
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'GROUP.NESTING_NOT_SUPPORTED', message: NESTED_GROUPS_NOT_SUPPORTED });
    expect(error.fieldErrors.memberId).toEqual([NESTED_GROUPS_NOT_SUPPORTED]);
    expect((await groups().listMembers(ref(outer.id))).items).toEqual([]);
  });

  describe('where the directory allows nesting', () => {
    let nestOrg: TestOrganization;
    const make = async (name: string) => (await createTestGroup(deps, op.actor, nestOrg, uniqueName(name))).id;
    const add = (groupId: string, memberId: string) => groups().addMember({ organizationId: nestOrg.organizationId, groupId, memberId });
    beforeAll(async () => {
      nestOrg = await createActiveOrganization(deps, op.actor);
      await allowNestedGroups(deps, nestOrg);
    });

    it('nests groups and lists them as members and as groups of a group', async () => {
      const [a, b] = [await make('a'), await make('b')];
      await add(a, b);
      expect((await groups().listMembers({ organizationId: nestOrg.organizationId, groupId: a })).items).toEqual([
        expect.objectContaining({ id: b, type: 'GROUP', state: 'DISABLED' }),
      ]);
      expect((await groups().listGroupsOf({ organizationId: nestOrg.organizationId, entityId: b })).items.map((g) => g.id)).toEqual([a]);
    });

    it('refuses a cycle, directly or through other groups', async () => {
      const [a, b, c] = [await make('a'), await make('b'), await make('c')];
      await add(a, b);
      await add(b, c);
      for (const [group, member] of [[b, a], [c, a]] as const) {
        const error = await failure(add(group, member));
        expect(error).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'GROUP.CYCLE', fieldErrors: { memberId: [expect.stringMatching(/cannot contain itself/)] } });
      }
    });

    it('lets only one of two requests nesting groups in opposite directions through', async () => {
      // Several pairs at once, so the two requests of a pair overlap inside their transactions.
      const pairs = await Promise.all(Array.from({ length: 6 }, async () => [await make('a'), await make('b')] as const));
      const results = await Promise.all(pairs.map(([a, b]) => Promise.allSettled([add(a, b), add(b, a)])));
      for (const pair of results) {
        expect(pair.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = pair.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect((await failure(Promise.reject(rejected.reason))).domainCode).toBe('GROUP.CYCLE');
      }
    });

    it('deleting a group takes it out of the groups it was in', async () => {
      const [a, b] = [await make('a'), await make('b')];
      await add(a, b);
      await groups().delete({ organizationId: nestOrg.organizationId, groupId: b });
      expect((await groups().listMembers({ organizationId: nestOrg.organizationId, groupId: a })).items).toEqual([]);
    });
  });
});

describe('tenant isolation', () => {
  it("an operator of another account gets not-found for every group call", async () => {
    const group = await createTestGroup(deps, op.actor, org, uniqueName('private'), 'private');
    const intruder = callerFor(deps, other.actor).groups;
    const { organizationId } = org;
    const groupRef = { organizationId, groupId: group.id };
    const calls: [string, () => Promise<unknown>][] = [
      ['list', () => intruder.list({ organizationId })],
      ['get', () => intruder.get(groupRef)],
      ['create', () => intruder.create({ organizationId, name: uniqueName('intruder') })],
      ['rename', () => intruder.rename({ ...groupRef, name: 'Hijacked' })],
      ['enable', () => intruder.enable({ ...groupRef, email: `hijack@${org.domain}` })],
      ['disable', () => intruder.disable(groupRef)],
      ['delete', () => intruder.delete(groupRef)],
      ['setHidden', () => intruder.setHidden({ ...groupRef, hiddenFromGlobalAddressList: true })],
      ['addMember', () => intruder.addMember({ ...groupRef, memberId: alice.userId })],
      ['removeMember', () => intruder.removeMember({ ...groupRef, memberId: alice.userId })],
      ['listMembers', () => intruder.listMembers(groupRef)],
      ['listGroupsOf', () => intruder.listGroupsOf({ organizationId, entityId: alice.userId })],
      ['listAddresses', () => intruder.listAddresses(groupRef)],
      ['addAlias', () => intruder.addAlias({ organizationId, entityId: group.id, localPart: 'hijack', domain: org.domain })],
      ['removeAlias', () => intruder.removeAlias({ organizationId, entityId: group.id, address: `private@${org.domain}` })],
      ['setPrimaryAddress', () => intruder.setPrimaryAddress({ organizationId, entityId: group.id, address: `hijack@${org.domain}` })],
    ];
    for (const [name, call] of calls) {
      expect({ name, ...(await failure(call())) }).toMatchObject({ name, code: 'NOT_FOUND', domainCode: 'ORGANIZATION.NOT_FOUND' });
    }
    expect(await groups().get(groupRef)).toMatchObject({ name: group.name, state: 'ENABLED', hiddenFromGlobalAddressList: false });
  });

  it("a group of one organization is not found through another organization's id", async () => {
    const group = await groups().create({ organizationId: org.organizationId, name: uniqueName('mine') });
    const second = await createActiveOrganization(deps, op.actor);
    expect(await failure(groups().get({ organizationId: second.organizationId, groupId: group.id }))).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'GROUP.NOT_FOUND',
    });
  });
});
