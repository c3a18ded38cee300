import { randomUUID } from 'node:crypto';
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
let other: TestOperator;
let org: TestOrganization;
let owner: { userId: string; email: string };
let bob: { userId: string; email: string };
let team: { id: string };

beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  other = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
  owner = await createMailboxUser(deps, op.actor, org, 'owner');
  bob = await createMailboxUser(deps, op.actor, org, 'bob');
  team = await createTestGroup(deps, op.actor, org, 'Team', 'team');
});
afterAll(() => deps.database.drop());

const permissions = () => callerFor(deps, op.actor).permissions;
/** A fresh user's mailbox, so each test starts with no permissions on it. */
const freshMailbox = async () => (await createMailboxUser(deps, op.actor, org, uniqueName('box'))).userId;
const on = (mailboxUserId: string) => ({ organizationId: org.organizationId, mailboxUserId });
const grants = async (mailboxUserId: string) =>
  (await permissions().list(on(mailboxUserId))).items.map((p) => [p.granteeId, p.granteeType, p.permissions] as const);
const auditOf = async (targetId: string) =>
  (await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId: org.organizationId, targetId, after: null, limit: 50 }))
    .filter((e) => e.action.startsWith('mailbox.permissions.'))
    .reverse();

describe('grant and edit', () => {
  it('grants a user permissions, kept in the console order, and lists them with the grantee', async () => {
    const box = await freshMailbox();
    expect(await permissions().put({ ...on(box), granteeId: bob.userId, permissions: ['SEND_AS', 'FULL_ACCESS'] })).toEqual({
      permissions: ['FULL_ACCESS', 'SEND_AS'],
    });
    expect((await permissions().list(on(box))).items).toEqual([
      {
        granteeId: bob.userId,
        granteeType: 'USER',
        granteeName: 'bob',
        granteeEmail: bob.email,
        granteeState: 'ENABLED',
        permissions: ['FULL_ACCESS', 'SEND_AS'],
        updatedAt: expect.any(Date),
      },
    ]);
    expect((await auditOf(box)).map((e) => [e.action, e.before, e.after])).toEqual([
      [
        'mailbox.permissions.put',
        { grantee: { id: bob.userId, type: 'USER', name: 'bob' }, permissions: [] },
        { grantee: { id: bob.userId, type: 'USER', name: 'bob' }, permissions: ['FULL_ACCESS', 'SEND_AS'] },
      ],
    ]);
  });

  it('edits by replacing the set; the same set again changes nothing', async () => {
    const box = await freshMailbox();
    await permissions().put({ ...on(box), granteeId: bob.userId, permissions: ['FULL_ACCESS', 'SEND_AS'] });
    await permissions().put({ ...on(box), granteeId: bob.userId, permissions: ['SEND_ON_BEHALF'] });
    await permissions().put({ ...on(box), granteeId: bob.userId, permissions: ['SEND_ON_BEHALF'] });
    expect(await grants(box)).toEqual([[bob.userId, 'USER', ['SEND_ON_BEHALF']]]);
    const events = await auditOf(box);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ before: { permissions: ['FULL_ACCESS', 'SEND_AS'] }, after: { permissions: ['SEND_ON_BEHALF'] } });
  });

  it('grants a group, and permissions on a group', async () => {
    const box = await freshMailbox();
    await permissions().put({ ...on(box), granteeId: team.id, permissions: ['SEND_AS'] });
    expect((await permissions().list(on(box))).items).toEqual([expect.objectContaining({ granteeId: team.id, granteeType: 'GROUP', granteeName: 'Team', granteeEmail: `team@${org.domain}` })]);
    await permissions().put({ ...on(team.id), granteeId: bob.userId, permissions: ['SEND_ON_BEHALF'] });
    expect(await grants(team.id)).toEqual([[bob.userId, 'USER', ['SEND_ON_BEHALF']]]);
    expect((await auditOf(team.id))[0]).toMatchObject({ targetType: 'group', targetLabel: 'Team' });
  });

  it('pages the grantees of a mailbox', async () => {
    const box = await freshMailbox();
    const grantees = [bob.userId, team.id, (await createMailboxUser(deps, op.actor, org, uniqueName('carol'))).userId];
    for (const granteeId of grantees) await permissions().put({ ...on(box), granteeId, permissions: ['FULL_ACCESS'] });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await permissions().list({ ...on(box), limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((p) => p.granteeId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...grantees].sort());
    expect(await permissions().count(on(box))).toEqual({ count: 3, exact: true });
    expect((await failure(permissions().list({ ...on(box), cursor: 'forged' }))).code).toBe('BAD_REQUEST');
  });
});

describe('refusals', () => {
  it('refuses the owner as grantee', async () => {
    const error = await failure(permissions().put({ ...on(owner.userId), granteeId: owner.userId.toUpperCase(), permissions: ['FULL_ACCESS'] }));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'PERMISSION.GRANTEE_INVALID', fieldErrors: { granteeId: [expect.stringMatching(/owner/)] } });
  });

  it('refuses a disabled user or group as grantee', async () => {
    const dave = await createMailboxUser(deps, op.actor, org, uniqueName('dave'));
    await callerFor(deps, op.actor).users.disable({ organizationId: org.organizationId, userIds: [dave.userId] });
    const quiet = await callerFor(deps, op.actor).groups.create({ organizationId: org.organizationId, name: 'Quiet' });
    for (const [granteeId, message] of [
      [dave.userId, /^User ".*" is not enabled/],
      [quiet.id, /^Group "Quiet" is not enabled/],
    ] as const) {
      const error = await failure(permissions().put({ ...on(owner.userId), granteeId, permissions: ['SEND_AS'] }));
      expect(error).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'PERMISSION.GRANTEE_INVALID' });
      expect(error.message).toMatch(message);
    }
    expect(await grants(owner.userId)).toEqual([]);
  });

  it('refuses a grantee or a mailbox of another organization as not found', async () => {
    const elsewhere = await createActiveOrganization(deps, op.actor);
    const stranger = await createMailboxUser(deps, op.actor, elsewhere, 'stranger');
    for (const granteeId of [stranger.userId, randomUUID()]) {
      const error = await failure(permissions().put({ ...on(owner.userId), granteeId, permissions: ['FULL_ACCESS'] }));
      expect(error).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ENTITY.NOT_FOUND', fieldErrors: { granteeId: [expect.any(String)] } });
    }
    const error = await failure(permissions().put({ ...on(stranger.userId), granteeId: bob.userId, permissions: ['FULL_ACCESS'] }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ENTITY.NOT_FOUND', fieldErrors: { mailboxUserId: [expect.any(String)] } });
    expect((await failure(permissions().list(on(stranger.userId)))).code).toBe('NOT_FOUND');
  });

  it.each([
    ['no permission', [], /at least one/],
    ['a permission twice', ['SEND_AS', 'SEND_AS'], /only once/],
    ['an unknown permission', ['READ'], /./],
  ])('refuses %s, naming the field', async (_, list, rule) => {
    const error = await failure(permissions().put({ ...on(owner.userId), granteeId: bob.userId, permissions: list as never }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(Object.entries(error.fieldErrors).find(([field]) => field.startsWith('permissions'))![1][0]).toMatch(rule);
  });

  it('refuses changes to the mailbox of a deleted user', async () => {
    const gone = await createMailboxUser(deps, op.actor, org, uniqueName('gone'));
    const users = callerFor(deps, op.actor).users;
    await users.disable({ organizationId: org.organizationId, userIds: [gone.userId] });
    await users.delete({ organizationId: org.organizationId, userId: gone.userId });
    const error = await failure(permissions().put({ ...on(gone.userId), granteeId: bob.userId, permissions: ['FULL_ACCESS'] }));
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'USER.INVALID_STATE' });
  });
});

describe('remove', () => {
  it('removes one grantee, then refuses removing it again', async () => {
    const box = await freshMailbox();
    await permissions().put({ ...on(box), granteeId: bob.userId, permissions: ['FULL_ACCESS'] });
    await permissions().put({ ...on(box), granteeId: team.id, permissions: ['SEND_AS'] });
    await permissions().remove({ ...on(box), granteeId: bob.userId });
    expect(await grants(box)).toEqual([[team.id, 'GROUP', ['SEND_AS']]]);
    const again = await failure(permissions().remove({ ...on(box), granteeId: bob.userId }));
    expect(again).toMatchObject({ code: 'NOT_FOUND', domainCode: 'PERMISSION.NOT_FOUND', fieldErrors: { granteeId: [expect.stringMatching(/"bob" has no permissions/)] } });
    expect((await auditOf(box)).at(-1)).toMatchObject({
      action: 'mailbox.permissions.remove',
      before: { grantee: { id: bob.userId, name: 'bob' }, permissions: ['FULL_ACCESS'] },
      after: { permissions: [] },
    });
  });

  it('removes all, recording what was removed; removing all of nothing records nothing', async () => {
    const box = await freshMailbox();
    await permissions().put({ ...on(box), granteeId: bob.userId, permissions: ['FULL_ACCESS', 'SEND_ON_BEHALF'] });
    await permissions().put({ ...on(box), granteeId: team.id, permissions: ['SEND_AS'] });
    expect(await permissions().removeAll(on(box))).toEqual({ removed: 2 });
    expect(await grants(box)).toEqual([]);
    expect(await permissions().removeAll(on(box))).toEqual({ removed: 0 });
    const events = (await auditOf(box)).filter((e) => e.action === 'mailbox.permissions.remove_all');
    expect(events).toHaveLength(1);
    expect(events[0]!.before).toEqual({
      grants: expect.arrayContaining([
        { granteeId: bob.userId, granteeType: 'USER', permissions: ['FULL_ACCESS', 'SEND_ON_BEHALF'] },
        { granteeId: team.id, granteeType: 'GROUP', permissions: ['SEND_AS'] },
      ]),
    });
    expect(events[0]!.after).toEqual({ grants: [] });
  });

  it('deleting a group removes the permissions given to it', async () => {
    const box = await freshMailbox();
    const groups = callerFor(deps, op.actor).groups;
    const crew = await createTestGroup(deps, op.actor, org, uniqueName('crew'), uniqueName('crew'));
    await permissions().put({ ...on(box), granteeId: crew.id, permissions: ['FULL_ACCESS'] });
    await groups.disable({ organizationId: org.organizationId, groupId: crew.id });
    await groups.delete({ organizationId: org.organizationId, groupId: crew.id });
    expect(await grants(box)).toEqual([]);
  });
});

describe('tenant isolation', () => {
  it('an operator of another account gets not-found for every permission call', async () => {
    const box = await freshMailbox();
    await permissions().put({ ...on(box), granteeId: bob.userId, permissions: ['FULL_ACCESS'] });
    const intruder = callerFor(deps, other.actor).permissions;
    const calls: [string, () => Promise<unknown>][] = [
      ['list', () => intruder.list(on(box))],
      ['count', () => intruder.count(on(box))],
      ['put', () => intruder.put({ ...on(box), granteeId: bob.userId, permissions: ['SEND_AS'] })],
      ['remove', () => intruder.remove({ ...on(box), granteeId: bob.userId })],
      ['removeAll', () => intruder.removeAll(on(box))],
    ];
    for (const [name, call] of calls) {
      expect({ name, ...(await failure(call())) }).toMatchObject({ name, code: 'NOT_FOUND', domainCode: 'ORGANIZATION.NOT_FOUND' });
    }
    expect(await grants(box)).toEqual([[bob.userId, 'USER', ['FULL_ACCESS']]]);
  });
});
