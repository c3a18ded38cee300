import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MOBILE_DEVICE_ACCESS_RULES } from '@mailyard/core/mobile-access';
import { activeSync, type SyncOptions } from '../support/activesync.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createMailboxUser } from '../support/mailbox-fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let deps: TestDeps;
let server: TestServer;
let op: TestOperator;
let other: TestOperator;

beforeAll(async () => {
  deps = await createTestDeps();
  server = await startTestServer(deps, { worker: false });
  op = await createOperator(deps);
  other = await createOperator(deps);
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

const caller = () => callerFor(deps, op.actor);
const sync = (o: SyncOptions) => activeSync(server.url, o);
const android = { deviceId: 'Pixel8a', deviceType: 'Android', userAgent: 'Android-Mail/7.7.16', body: { model: 'Pixel 8a', operatingSystem: 'Android 14' } };
const iphone = { deviceId: 'ApplF17ABC123' };
const rule = (organizationId: string, name: string, effect: 'ALLOW' | 'DENY', conditions: Record<string, string[]> = {}) => ({ organizationId, name, effect, conditions });

let n = 0;
async function orgWithUser() {
  const org = await createActiveOrganization(deps, op.actor);
  const user = await createMailboxUser(deps, op.actor, org, `mobile${++n}`);
  return { org, user, organizationId: org.organizationId };
}

describe('mobile device access rules', () => {
  it('a new organization starts with the default rule, which allows any device', async () => {
    const { organizationId, user } = await orgWithUser();
    expect(await caller().mobileAccess.listRules({ organizationId })).toEqual([
      expect.objectContaining({ name: 'DefaultAllowAll', effect: 'ALLOW', description: expect.any(String), conditions: expect.objectContaining({ deviceTypes: [] }) }),
    ]);
    expect((await sync({ address: user.email, ...android })).status).toBe(200);
    expect(await caller().mobileAccess.evaluate({ organizationId, deviceType: 'anything' })).toMatchObject({ effect: 'ALLOW', matchedRules: [{ name: 'DefaultAllowAll' }] });
  });

  it('creates, edits and deletes a rule, each audited with before and after', async () => {
    const { organizationId } = await orgWithUser();
    const { ruleId } = await caller().mobileAccess.createRule({ ...rule(organizationId, 'BlockAndroid', 'DENY', { deviceTypes: ['android'] }), description: 'No Android' });
    expect(ruleId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await caller().mobileAccess.updateRule({ ...rule(organizationId, 'BlockOldAndroid', 'DENY', { deviceOperatingSystems: ['Android 1'] }), ruleId });
    const edited = (await caller().mobileAccess.listRules({ organizationId })).find((r) => r.id === ruleId);
    expect(edited).toMatchObject({ name: 'BlockOldAndroid', description: null, conditions: { deviceTypes: [], deviceOperatingSystems: ['Android 1'] } });
    expect(await caller().mobileAccess.deleteRule({ organizationId, ruleId })).toEqual({ deleted: true });
    expect(await caller().mobileAccess.deleteRule({ organizationId, ruleId })).toEqual({ deleted: false });

    const events = await caller().activity.list({ organizationId, targetId: ruleId });
    expect(events.items.map((e) => e.action).reverse()).toEqual(['mobile_access.rule_create', 'mobile_access.rule_update', 'mobile_access.rule_delete']);
    expect(events.items.at(-2)).toMatchObject({ before: { name: 'BlockAndroid', effect: 'DENY' }, after: { name: 'BlockOldAndroid' } });
    expect(await failure(caller().mobileAccess.updateRule({ ...rule(organizationId, 'x', 'ALLOW'), ruleId }))).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'MOBILE_ACCESS.RULE_NOT_FOUND',
    });
  });

  it('refuses bad input naming the field', async () => {
    const { organizationId } = await orgWithUser();
    const refused = await failure(caller().mobileAccess.createRule(rule(organizationId, ' ', 'DENY', { notDeviceModels: ['x'.repeat(257)] })));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
    expect(refused.fieldErrors).toEqual({ name: ['Enter a rule name.'], 'conditions.notDeviceModels.0': ['Each value must be at most 256 characters.'] });
  });

  it(`allows ${MAX_MOBILE_DEVICE_ACCESS_RULES} rules, and when racing for the last place exactly one wins`, async () => {
    const { organizationId } = await orgWithUser();
    for (let i = 1; i < MAX_MOBILE_DEVICE_ACCESS_RULES - 1; i++) await caller().mobileAccess.createRule(rule(organizationId, `r${i}`, 'ALLOW'));
    const raced = await Promise.allSettled([0, 1, 2].map((i) => caller().mobileAccess.createRule(rule(organizationId, `last${i}`, 'ALLOW'))));
    expect(raced.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of raced.filter((x) => x.status === 'rejected')) {
      expect(await failure(Promise.reject(r.reason))).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', domainCode: 'MOBILE_ACCESS.RULE_LIMIT_REACHED' });
    }
    expect(await caller().mobileAccess.listRules({ organizationId })).toHaveLength(MAX_MOBILE_DEVICE_ACCESS_RULES);
  });

  it('a retried create with the same client token returns the first rule', async () => {
    const { organizationId } = await orgWithUser();
    const input = { ...rule(organizationId, 'Once', 'DENY'), clientToken: 'token-1' };
    const [a, b] = await Promise.all([caller().mobileAccess.createRule(input), caller().mobileAccess.createRule(input)]);
    expect(a).toEqual(b);
    expect(await caller().mobileAccess.listRules({ organizationId })).toHaveLength(2);
  });

  it("another account's operator sees and changes none of them", async () => {
    const { organizationId } = await orgWithUser();
    const [rule0] = await caller().mobileAccess.listRules({ organizationId });
    const outsider = callerFor(deps, other.actor);
    for (const call of [
      () => outsider.mobileAccess.listRules({ organizationId }),
      () => outsider.mobileAccess.deleteRule({ organizationId, ruleId: rule0!.id }),
      () => outsider.mobileAccess.evaluate({ organizationId }),
      () => outsider.mobileAccess.listOverrides({ organizationId }),
    ]) {
      expect(await failure(call())).toMatchObject({ domainCode: 'ORGANIZATION.NOT_FOUND' });
    }
    expect(await caller().mobileAccess.listRules({ organizationId })).toHaveLength(1);
  });
});

describe('enforced by the device sync endpoint', () => {
  it('deny wins over allow; a denied device is recorded and refused with ActiveSync status 129, and shows as blocked', async () => {
    const { organizationId, user } = await orgWithUser();
    const { ruleId } = await caller().mobileAccess.createRule(rule(organizationId, 'BlockAndroid', 'DENY', { deviceTypes: ['android'] }));
    const refused = await sync({ address: user.email, ...android });
    expect(refused).toEqual({
      status: 403,
      headers: expect.anything(),
      body: { status: 'error', code: 'DEVICE.BLOCKED', message: 'This device is blocked by the mobile device access rule "BlockAndroid".', activeSyncStatus: 129 },
    });
    expect((await sync({ address: user.email, ...iphone })).body).toEqual({ status: 'ok', wipe: false });

    const devices = await caller().devices.list({ organizationId, userId: user.userId });
    expect(devices.map((d) => [d.deviceId, d.deviceType, d.model])).toEqual(
      expect.arrayContaining([
        ['pixel8a', 'Android', 'Pixel 8a'],
        ['applf17abc123', 'iPhone', 'iPhone15,2'],
      ]),
    );
    const access = await caller().mobileAccess.userDevices({ organizationId, userId: user.userId });
    expect(access.find((a) => a.deviceId === 'pixel8a')?.decision).toEqual({
      effect: 'DENY',
      decidedBy: 'rules',
      rules: { effect: 'DENY', matchedRules: [{ id: ruleId, name: 'BlockAndroid' }] },
      override: null,
    });
    expect(access.find((a) => a.deviceId === 'applf17abc123')?.decision).toMatchObject({ effect: 'ALLOW', decidedBy: 'rules' });
    const added = await caller().activity.list({ organizationId, targetId: user.userId, action: 'device.add' });
    expect(added.items.map((e) => (e.after as { access: string }).access).sort()).toEqual(['ALLOW', 'DENY']);
  });

  it('an override wins over the rules either way, and removing it gives the rules back', async () => {
    const { organizationId, user } = await orgWithUser();
    await caller().mobileAccess.createRule(rule(organizationId, 'BlockAndroid', 'DENY', { deviceTypes: ['android'] }));
    const allow = await caller().mobileAccess.putOverride({ organizationId, userId: user.userId, deviceId: 'PIXEL8A', effect: 'ALLOW', description: 'Approved by IT' });
    expect(allow).toMatchObject({ userId: user.userId, deviceId: 'pixel8a', effect: 'ALLOW', description: 'Approved by IT' });
    expect((await sync({ address: user.email, ...android })).status).toBe(200);

    await caller().mobileAccess.putOverride({ organizationId, userId: user.userId, deviceId: iphone.deviceId, effect: 'DENY' });
    expect(await sync({ address: user.email, ...iphone })).toMatchObject({
      status: 403,
      body: { code: 'DEVICE.BLOCKED', message: 'This device is blocked by an override for this user and device.', activeSyncStatus: 129 },
    });
    const decisions = await caller().mobileAccess.userDevices({ organizationId, userId: user.userId });
    expect(decisions.find((d) => d.deviceId === 'applf17abc123')?.decision).toMatchObject({
      effect: 'DENY',
      decidedBy: 'override',
      rules: { effect: 'ALLOW' },
      override: { effect: 'DENY', description: null },
    });

    expect(await caller().mobileAccess.deleteOverride({ organizationId, userId: user.userId, deviceId: iphone.deviceId })).toEqual({ deleted: true });
    expect(await caller().mobileAccess.deleteOverride({ organizationId, userId: user.userId, deviceId: iphone.deviceId })).toEqual({ deleted: false });
    expect((await sync({ address: user.email, ...iphone })).status).toBe(200);
    expect(await failure(caller().mobileAccess.getOverride({ organizationId, userId: user.userId, deviceId: iphone.deviceId }))).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'MOBILE_ACCESS.OVERRIDE_NOT_FOUND',
    });
    const events = await caller().activity.list({ organizationId, targetId: user.userId, action: 'mobile_access.' });
    expect(events.items.map((e) => e.action).reverse()).toEqual(['mobile_access.override_put', 'mobile_access.override_put', 'mobile_access.override_delete']);
  });

  it('a deleted user\'s overrides go with them, and the delete\'s event says how many', async () => {
    const { organizationId, user, org } = await orgWithUser();
    const kept = await createMailboxUser(deps, op.actor, org, `mobile${++n}`);
    for (const id of ['a1', 'b2']) await caller().mobileAccess.putOverride({ organizationId, userId: user.userId, deviceId: id, effect: 'DENY' });
    await caller().mobileAccess.putOverride({ organizationId, userId: kept.userId, deviceId: 'a1', effect: 'ALLOW' });
    await caller().users.disable({ organizationId, userIds: [user.userId] });
    await caller().users.delete({ organizationId, userId: user.userId });
    const left = await caller().mobileAccess.listOverrides({ organizationId });
    expect(left.items.map((o) => [o.userId, o.deviceId])).toEqual([[kept.userId, 'a1']]);
    const [deleted] = (await caller().activity.list({ organizationId, targetId: user.userId, action: 'user.delete' })).items;
    expect(deleted).toMatchObject({ after: { overridesRemoved: 2 } });
  });

  it('without any rule that allows, every device is blocked (the default rule deleted)', async () => {
    const { organizationId, user } = await orgWithUser();
    const [defaultRule] = await caller().mobileAccess.listRules({ organizationId });
    await caller().mobileAccess.deleteRule({ organizationId, ruleId: defaultRule!.id });
    expect(await sync({ address: user.email, ...iphone })).toMatchObject({
      status: 403,
      body: { code: 'DEVICE.BLOCKED', message: 'This device is blocked: no mobile device access rule of the organization allows it.' },
    });
    expect(await caller().mobileAccess.evaluate({ organizationId, deviceType: 'iPhone' })).toEqual({ effect: 'DENY', matchedRules: [] });
  });

  it('a blocked device that owes a wipe is still told to wipe', async () => {
    const { organizationId, user } = await orgWithUser();
    expect((await sync({ address: user.email, ...android })).status).toBe(200);
    await caller().devices.wipe({ organizationId, userId: user.userId, deviceId: android.deviceId });
    await caller().mobileAccess.putOverride({ organizationId, userId: user.userId, deviceId: android.deviceId, effect: 'DENY' });
    expect(await sync({ address: user.email, ...android })).toMatchObject({ status: 200, body: { status: 'ok', wipe: true } });
    expect(await sync({ address: user.email, ...android, body: { wipeAcknowledged: true } })).toMatchObject({ status: 200, body: { wipe: false } });
    expect((await sync({ address: user.email, ...android })).status).toBe(412);
  });
});

describe('overrides', () => {
  it('lists them by user and device, in pages', async () => {
    const { organizationId, user, org } = await orgWithUser();
    const second = await createMailboxUser(deps, op.actor, org, `mobile${++n}`);
    for (const id of ['a1', 'b2', 'c3']) await caller().mobileAccess.putOverride({ organizationId, userId: user.userId, deviceId: id, effect: 'ALLOW' });
    await caller().mobileAccess.putOverride({ organizationId, userId: second.userId, deviceId: 'B2', effect: 'DENY' });

    const first = await caller().mobileAccess.listOverrides({ organizationId, limit: 3 });
    const rest = await caller().mobileAccess.listOverrides({ organizationId, limit: 3, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items]).toHaveLength(4);
    expect(rest.nextCursor).toBeNull();
    expect((await caller().mobileAccess.listOverrides({ organizationId, userId: user.userId })).items.map((o) => o.deviceId)).toEqual(['a1', 'b2', 'c3']);
    expect((await caller().mobileAccess.listOverrides({ organizationId, deviceId: 'B2' })).items.map((o) => o.userId).sort()).toEqual([user.userId, second.userId].sort());
    expect(await failure(caller().mobileAccess.listOverrides({ organizationId, deviceId: 'B2', cursor: first.nextCursor! }))).toMatchObject({
      fieldErrors: { cursor: [expect.any(String)] },
    });
  });

  it("refuses a deleted user's device, and a user of another organization", async () => {
    const { organizationId, user } = await orgWithUser();
    await caller().users.disable({ organizationId, userIds: [user.userId] });
    await caller().users.delete({ organizationId, userId: user.userId });
    expect(await failure(caller().mobileAccess.putOverride({ organizationId, userId: user.userId, deviceId: 'x1', effect: 'ALLOW' }))).toMatchObject({
      domainCode: 'USER.INVALID_STATE',
      fieldErrors: { userId: [expect.any(String)] },
    });
    const elsewhere = await orgWithUser();
    expect(await failure(caller().mobileAccess.putOverride({ organizationId, userId: elsewhere.user.userId, deviceId: 'x1', effect: 'ALLOW' }))).toMatchObject({
      domainCode: 'USER.NOT_FOUND',
    });
  });
});
