import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYTES_PER_MB } from '@mailyard/core/mailboxes';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createPortalUser, signedIn, type PortalBrowser, type PortalUser } from '../support/portal.ts';
import { reportUsage, syncPhone } from '../support/portal-fixtures.ts';
import { createActiveOrganization } from '../support/users.ts';

let deps: TestDeps;
let op: TestOperator;
let org: { organizationId: string; domain: string };
let user: PortalUser;
let browser: PortalBrowser;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
  user = await createPortalUser(deps, op.actor, org);
  browser = await signedIn(deps, user);
});
afterAll(() => deps.database.drop());

describe('mailbox usage', () => {
  it('shows usage against the quota, with the 90 % warning and the full state', async () => {
    await callerFor(deps, op.actor).mailboxes.updateQuota({ organizationId: org.organizationId, userId: user.userId, quotaMb: 10 });
    expect(await browser.portal.mailbox()).toMatchObject({ quotaMb: 10, usageBytes: 0, usagePercent: 0, usageState: 'ok', warningPercent: 90 });
    await reportUsage(deps, user.email, 9 * BYTES_PER_MB - 1);
    expect(await browser.portal.mailbox()).toMatchObject({ usagePercent: 89, usageState: 'ok' });
    await reportUsage(deps, user.email, 9 * BYTES_PER_MB);
    expect(await browser.portal.mailbox()).toMatchObject({ usagePercent: 90, usageState: 'warning', usageMb: 9 });
    await reportUsage(deps, user.email, 10 * BYTES_PER_MB);
    expect(await browser.portal.mailbox()).toMatchObject({ usagePercent: 100, usageState: 'full' });
  });
});

describe('mobile devices', () => {
  it('lists the user’s devices', async () => {
    await syncPhone(deps, user, 'PhoneOne1', 'iPhone15,2');
    await syncPhone(deps, user, 'TabletTwo2', 'iPad14,1');
    const devices = await browser.portal.devices.list();
    expect(devices.map((d) => [d.deviceId, d.model, d.wipeStatus]).sort()).toEqual([
      ['phoneone1', 'iPhone15,2', null],
      ['tablettwo2', 'iPad14,1', null],
    ]);
  });

  it('wipes a lost device on its next sync, and can withdraw the wipe until then', async () => {
    expect(await browser.portal.devices.wipe({ deviceId: 'PHONEONE1' })).toMatchObject({ deviceId: 'phoneone1', wipeStatus: 'PENDING' });
    expect((await failure(browser.portal.devices.wipe({ deviceId: 'phoneone1' }))).domainCode).toBe('DEVICE.INVALID_STATE');
    await browser.portal.devices.cancelWipe({ deviceId: 'phoneone1' });
    await browser.portal.devices.wipe({ deviceId: 'phoneone1' });
    expect(await syncPhone(deps, user, 'PhoneOne1')).toEqual({ status: 'ok', wipe: true });
    expect((await browser.portal.devices.list()).find((d) => d.deviceId === 'phoneone1')?.wipeStatus).toBe('SENT');
    expect((await failure(browser.portal.devices.cancelWipe({ deviceId: 'phoneone1' }))).domainCode).toBe('DEVICE.INVALID_STATE');
  });

  it('removes a device', async () => {
    expect(await browser.portal.devices.remove({ deviceId: 'TabletTwo2' })).toEqual({ deviceId: 'tablettwo2' });
    expect((await browser.portal.devices.list()).map((d) => d.deviceId)).toEqual(['phoneone1']);
    expect((await failure(browser.portal.devices.remove({ deviceId: 'TabletTwo2' }))).domainCode).toBe('DEVICE.NOT_FOUND');
  });
});

describe('who holds permissions on the mailbox', () => {
  it('names each grantee and what it may do', async () => {
    const assistant = await createPortalUser(deps, op.actor, org);
    const team = await callerFor(deps, op.actor).groups.create({ organizationId: org.organizationId, name: 'team', email: `team@${org.domain}` });
    const permissions = callerFor(deps, op.actor).permissions;
    await permissions.put({ organizationId: org.organizationId, mailboxUserId: user.userId, granteeId: assistant.userId, permissions: ['FULL_ACCESS', 'SEND_ON_BEHALF'] });
    await permissions.put({ organizationId: org.organizationId, mailboxUserId: user.userId, granteeId: team.id, permissions: ['SEND_AS'] });
    // A permission on someone else's mailbox is not the user's concern.
    await permissions.put({ organizationId: org.organizationId, mailboxUserId: assistant.userId, granteeId: user.userId, permissions: ['FULL_ACCESS'] });

    const { items, more } = await browser.portal.permissions();
    expect(more).toBe(false);
    expect(items.map((p) => [p.granteeName, p.granteeType, p.permissions]).sort()).toEqual(
      [
        [assistant.name, 'USER', ['FULL_ACCESS', 'SEND_ON_BEHALF']],
        ['team', 'GROUP', ['SEND_AS']],
      ].sort(),
    );
  });
});

describe('recent changes operators made', () => {
  it('lists changes to this account by operators and the system, newest first, not the user’s own', async () => {
    const fresh = await createPortalUser(deps, op.actor, org);
    const mine = await signedIn(deps, fresh);
    await mine.portal.changePassword({ currentPassword: fresh.password, password: 'Own-change-pass-1', repeatPassword: 'Own-change-pass-1' });
    await callerFor(deps, op.actor).users.updateDetails({ organizationId: org.organizationId, userId: fresh.userId, department: 'Sales' });
    await callerFor(deps, op.actor).mailboxes.updateQuota({ organizationId: org.organizationId, userId: fresh.userId, quotaMb: 2048 });

    const page = await mine.portal.recentChanges({ limit: 2 });
    expect(page.items.map((e) => e.action)).toEqual(['mailbox.update_quota', 'user.update']);
    expect(page.items[0]).toMatchObject({ actorType: 'operator', actorLabel: op.email, targetId: fresh.userId });
    const rest = await mine.portal.recentChanges({ limit: 50, cursor: page.nextCursor! });
    expect(rest.items.map((e) => e.action)).toContain('user.create');
    const all = [...page.items, ...rest.items];
    expect(all.every((e) => e.actorType !== 'user' && e.targetId === fresh.userId)).toBe(true);
    expect((await failure(mine.portal.recentChanges({ limit: 5, cursor: 'not-a-cursor' }))).fieldErrors.cursor).toBeDefined();
  });
});
