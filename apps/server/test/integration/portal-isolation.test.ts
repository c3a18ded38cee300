import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAddress } from '@mailyard/db/queries/addresses';
import { findDevice } from '@mailyard/db/queries/devices';
import { appRouter } from '../../src/trpc/app-router.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { allowSelfServiceAliases, createPortalUser, portalBrowser, signedIn, type PortalBrowser, type PortalUser } from '../support/portal.ts';
import { syncPhone } from '../support/portal-fixtures.ts';

/**
 * One user never reaches another user's data. Portal procedures take no user or organization ids — they act
 * on the session's user — so every attempt here names another user's things by what the user can type:
 * addresses, device ids, extra fields.
 */
let deps: TestDeps;
let op: TestOperator;
let alice: PortalUser;
let bob: PortalUser;
let carol: PortalUser;
let asAlice: PortalBrowser;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  alice = await createPortalUser(deps, op.actor);
  bob = await createPortalUser(deps, op.actor, alice);
  carol = await createPortalUser(deps, (await createOperator(deps)).actor);
  await allowSelfServiceAliases(deps, op.actor, alice.organizationId);
  await callerFor(deps, op.actor).users.addAlias({ organizationId: bob.organizationId, entityId: bob.userId, localPart: 'bobs-alias', domain: bob.domain });
  await syncPhone(deps, bob, 'BobsPhone1');
  await syncPhone(deps, alice, 'AlicesPhone1');
  asAlice = await signedIn(deps, alice);
});
afterAll(() => deps.database.drop());

/** Every procedure of the portal namespace, by path (`portal.aliases.add`). */
const portalPaths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('portal.'));
const signedOutAllowed = new Set(['portal.me', 'portal.signIn', 'portal.reset.request', 'portal.reset.check', 'portal.reset.complete']);
const call = (browser: PortalBrowser, path: string, input: unknown) =>
  (path.split('.').reduce((node: unknown, key) => (node as Record<string, unknown>)[key], browser) as (i: unknown) => Promise<unknown>)(input);

describe('signed out', () => {
  it('covers the whole portal namespace', () => {
    expect(portalPaths.length).toBeGreaterThanOrEqual(20);
  });

  it.each(portalPaths.filter((p) => !signedOutAllowed.has(p)))('%s needs a session', async (path) => {
    const error = await failure(call(portalBrowser(deps), path, {}));
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', domainCode: 'AUTH.REQUIRED' });
  });
});

describe('signed in as one user', () => {
  it('sees only their own account, addresses, devices, mailbox and changes', async () => {
    expect((await asAlice.portal.me())?.userId).toBe(alice.userId);
    const addresses = await asAlice.portal.aliases.list();
    expect(addresses.primary).toBe(alice.email);
    expect(JSON.stringify(addresses)).not.toContain(bob.name);
    expect((await asAlice.portal.devices.list()).map((d) => d.deviceId)).toEqual(['alicesphone1']);
    expect((await asAlice.portal.permissions()).items).toEqual([]);
    const changes = await asAlice.portal.recentChanges({ limit: 100 });
    expect(changes.items.length).toBeGreaterThan(0);
    expect(changes.items.every((e) => e.targetId === alice.userId)).toBe(true);
  });

  it('cannot remove another user’s alias, or learn whose it is', async () => {
    for (const address of [`bobs-alias@${bob.domain}`, bob.email, carol.email]) {
      const error = await failure(asAlice.portal.aliases.remove({ address }));
      expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'This address is not one of your aliases.' });
      expect(error.message).not.toContain(bob.name);
    }
    expect(await findAddress(deps.db, `bobs-alias@${bob.domain}`)).toMatchObject({ entityId: bob.userId });
  });

  it('cannot remove, wipe or un-wipe another user’s device', async () => {
    await callerFor(deps, op.actor).devices.wipe({ organizationId: bob.organizationId, userId: bob.userId, deviceId: 'BobsPhone1' });
    for (const action of ['remove', 'wipe', 'cancelWipe'] as const) {
      expect((await failure(asAlice.portal.devices[action]({ deviceId: 'BobsPhone1' }))).domainCode).toBe('DEVICE.NOT_FOUND');
    }
    expect(await findDevice(deps.db, { organizationId: bob.organizationId, userId: bob.userId, deviceId: 'bobsphone1' })).toMatchObject({ wipeStatus: 'PENDING' });
  });

  it('ignores ids slipped into the input: the session decides whose account changes', async () => {
    const smuggled = { localPart: 'smuggled', domain: alice.domain, userId: bob.userId, entityId: bob.userId, organizationId: carol.organizationId };
    await asAlice.portal.aliases.add(smuggled as never);
    expect(await findAddress(deps.db, `smuggled@${alice.domain}`)).toMatchObject({ entityId: alice.userId, organizationId: alice.organizationId });
    const device = { deviceId: 'BobsPhone1', userId: bob.userId, organizationId: bob.organizationId };
    expect((await failure(asAlice.portal.devices.remove(device as never))).domainCode).toBe('DEVICE.NOT_FOUND');
  });

  it('cannot take an alias on another organization’s domain', async () => {
    const error = await failure(asAlice.portal.aliases.add({ localPart: 'visitor', domain: carol.domain }));
    expect(error.domainCode).toBe('ADDRESS.DOMAIN_NOT_ALLOWED');
    expect(error.message).not.toContain(carol.domain);
  });

  it('cannot confirm a recovery address with another user’s code', async () => {
    const asBob = await signedIn(deps, bob);
    await asBob.portal.recovery.start({ email: 'bob.home@example.net' });
    // Alice has no pending code at all; whatever she types, nothing of Bob's changes.
    expect((await failure(asAlice.portal.recovery.verify({ code: '000000' }))).domainCode).toBe('RECOVERY.CODE_INVALID');
    expect((await asBob.portal.me())?.recovery).toMatchObject({ email: null, pendingEmail: 'bob.home@example.net' });
  });

  it('changing one’s own password or signing out everywhere leaves other users signed in', async () => {
    const asBob = await signedIn(deps, bob);
    await asAlice.portal.changePassword({ currentPassword: alice.password, password: 'Alice-new-pass-1', repeatPassword: 'Alice-new-pass-1' });
    const elsewhere = await signedIn(deps, { email: alice.email, password: 'Alice-new-pass-1' });
    await elsewhere.portal.signOutEverywhere();
    expect((await asBob.portal.me())?.userId).toBe(bob.userId);
  });
});
