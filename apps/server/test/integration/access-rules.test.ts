import { DEFAULT_ACCESS_RULE, MAX_ACCESS_CONTROL_RULES } from '@mailyard/core/access-control';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createEnabledUser } from '../support/users.ts';

let deps: TestDeps;
let op: TestOperator;
let other: TestOperator;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  other = await createOperator(deps);
});
afterAll(() => deps.database.drop());

const auditOf = async (organizationId: string) =>
  (await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId, actionPrefix: 'access_rule.', after: null, limit: 50 })).map((e) => [
    e.action,
    e.targetId,
    e.before,
    e.after,
  ]);

describe('access control rules', () => {
  it('starts an organization with the default rule, which allows everyone', async () => {
    const caller = callerFor(deps, op.actor);
    const { organizationId } = await createActiveOrganization(deps, op.actor);
    const { userId } = await createEnabledUser(deps, op.actor, organizationId);
    expect(await caller.accessRules.list({ organizationId })).toEqual([{ ...DEFAULT_ACCESS_RULE, createdAt: expect.any(Date), updatedAt: expect.any(Date) }]);
    expect(await caller.accessRules.effect({ organizationId, userId, action: 'IMAP', ipAddress: '203.0.113.9' })).toEqual({ effect: 'ALLOW', matchedRules: ['default'] });
  });

  it('puts a rule, replaces it by name, deletes it, and audits each change', async () => {
    const caller = callerFor(deps, op.actor);
    const { organizationId } = await createActiveOrganization(deps, op.actor);
    const { userId } = await createEnabledUser(deps, op.actor, organizationId);
    const ask = (ipAddress: string) => caller.accessRules.effect({ organizationId, userId, action: 'IMAP', ipAddress });

    await caller.accessRules.put({ organizationId, name: 'no-lan-imap', effect: 'DENY', ipRanges: ['10.0.0.0/8', 'fd00::/8'], actions: ['IMAP'] });
    expect(await ask('10.1.2.3')).toEqual({ effect: 'DENY', matchedRules: ['no-lan-imap'] });
    expect(await ask('fd12::1')).toEqual({ effect: 'DENY', matchedRules: ['no-lan-imap'] });
    expect(await ask('192.0.2.1')).toEqual({ effect: 'ALLOW', matchedRules: ['default'] });

    const [, put] = await caller.accessRules.list({ organizationId });
    await caller.accessRules.put({ organizationId, name: 'no-lan-imap', effect: 'DENY', description: 'Only for Bob', ipRanges: ['10.0.0.0/8'], notUserIds: [userId.toUpperCase()] });
    expect(await ask('10.1.2.3')).toEqual({ effect: 'ALLOW', matchedRules: ['default'] });
    const rules = await caller.accessRules.list({ organizationId });
    expect(rules.map((r) => r.name)).toEqual(['default', 'no-lan-imap']);
    expect(rules[1]).toMatchObject({ description: 'Only for Bob', actions: [], notUserIds: [userId], createdAt: put!.createdAt });

    await caller.accessRules.delete({ organizationId, name: 'no-lan-imap' });
    await caller.accessRules.delete({ organizationId, name: 'never-there' });
    expect((await caller.accessRules.list({ organizationId })).map((r) => r.name)).toEqual(['default']);

    const created = { effect: 'DENY', description: '', ipRanges: ['10.0.0.0/8', 'fd00::/8'], notIpRanges: [], actions: ['IMAP'], notActions: [], userIds: [], notUserIds: [] };
    const replaced = { ...created, description: 'Only for Bob', ipRanges: ['10.0.0.0/8'], actions: [], notUserIds: [userId] };
    expect(await auditOf(organizationId)).toEqual([
      ['access_rule.delete', 'no-lan-imap', replaced, null],
      ['access_rule.update', 'no-lan-imap', created, replaced],
      ['access_rule.create', 'no-lan-imap', null, created],
    ]);
  });

  it('denies everyone once no rule allows, as WorkMail does when its rules are all deleted', async () => {
    const caller = callerFor(deps, op.actor);
    const { organizationId } = await createActiveOrganization(deps, op.actor);
    const { userId } = await createEnabledUser(deps, op.actor, organizationId);
    await caller.accessRules.delete({ organizationId, name: 'default' });
    expect(await caller.accessRules.effect({ organizationId, userId, action: 'WebMail', ipAddress: '127.0.0.1' })).toEqual({ effect: 'DENY', matchedRules: [] });
  });

  it(`refuses a rule beyond ${MAX_ACCESS_CONTROL_RULES}, but replaces one at the limit; racing requests cannot pass it together`, async () => {
    const caller = callerFor(deps, op.actor);
    const { organizationId } = await createActiveOrganization(deps, op.actor);
    for (let i = 1; i < MAX_ACCESS_CONTROL_RULES - 2; i++) await caller.accessRules.put({ organizationId, name: `r${i}`, effect: 'DENY', userIds: [] });
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => caller.accessRules.put({ organizationId, name: `racer${i}`, effect: 'ALLOW' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const r of results.filter((r) => r.status === 'rejected')) expect(r.reason).toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    expect(await caller.accessRules.list({ organizationId })).toHaveLength(MAX_ACCESS_CONTROL_RULES);

    const refused = await failure(caller.accessRules.put({ organizationId, name: 'one-more', effect: 'DENY' }));
    expect(refused).toMatchObject({ domainCode: 'ACCESS_RULE.LIMIT_REACHED' });
    expect(refused.fieldErrors).toEqual({ name: [`An organization has at most ${MAX_ACCESS_CONTROL_RULES} access control rules: replace or delete one first.`] });
    await caller.accessRules.put({ organizationId, name: 'r1', effect: 'ALLOW' });
  });

  it('names each bad field, and refuses users that are not the organization’s', async () => {
    const caller = callerFor(deps, op.actor);
    const { organizationId } = await createActiveOrganization(deps, op.actor);
    const elsewhere = await createActiveOrganization(deps, op.actor);
    const { userId: stranger } = await createEnabledUser(deps, op.actor, elsewhere.organizationId);

    const invalid = await failure(caller.accessRules.put({ organizationId, name: 'bad name', effect: 'DENY', ipRanges: ['10.0.0.0/33'], actions: ['POP3' as never] }));
    expect(invalid.domainCode).toBe('VALIDATION');
    expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(['actions.0', 'ipRanges.0', 'name']);

    const notFound = await failure(caller.accessRules.put({ organizationId, name: 'r', effect: 'DENY', notUserIds: [stranger] }));
    expect(notFound).toMatchObject({ domainCode: 'USER.NOT_FOUND', fieldErrors: { 'notUserIds.0': [expect.stringContaining('was not found')] } });
    expect(await failure(caller.accessRules.effect({ organizationId, userId: stranger, action: 'IMAP', ipAddress: '127.0.0.1' }))).toMatchObject({ domainCode: 'USER.NOT_FOUND' });
    expect((await caller.accessRules.list({ organizationId })).map((r) => r.name)).toEqual(['default']);
    expect(await auditOf(organizationId)).toEqual([]);
  });

  it("keeps another account's organization out of reach", async () => {
    const { organizationId } = await createActiveOrganization(deps, op.actor);
    const intruder = callerFor(deps, other.actor);
    // Each call starts only when awaited: a refusal that settles before its turn would be an unhandled rejection.
    for (const call of [
      () => intruder.accessRules.list({ organizationId }),
      () => intruder.accessRules.put({ organizationId, name: 'mine', effect: 'DENY' }),
      () => intruder.accessRules.delete({ organizationId, name: 'default' }),
    ]) {
      expect(await failure(call())).toMatchObject({ domainCode: 'ORGANIZATION.NOT_FOUND' });
    }
    expect((await callerFor(deps, op.actor).accessRules.list({ organizationId })).map((r) => r.name)).toEqual(['default']);
  });
});
