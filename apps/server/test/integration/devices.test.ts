import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '@mailyard/core/auth';
import { MAX_DEVICES_PER_USER } from '@mailyard/core/devices';
import { PORTAL_LIMITS } from '@mailyard/core/portal';
import { insertDevice, updateDevice } from '@mailyard/db/queries/devices';
import { updateOrganization } from '@mailyard/db/queries/organizations';
import { rateLimitRowVersions } from '@mailyard/db/testing';
import { activeSync, basic, type SyncOptions } from '../support/activesync.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createMailboxUser, USER_PASSWORD } from '../support/mailbox-fixtures.ts';
import { portalBrowser } from '../support/portal.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let deps: TestDeps;
let server: TestServer;
let op: TestOperator;
let other: TestOperator;
let org: { organizationId: string; domain: string };

beforeAll(async () => {
  deps = await createTestDeps();
  server = await startTestServer(deps, { worker: false });
  op = await createOperator(deps);
  other = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

let n = 0;
const newUser = () => createMailboxUser(deps, op.actor, org, `phone${++n}`);
const caller = () => callerFor(deps, op.actor);

const sync = (o: SyncOptions) => activeSync(server.url, o);

const ref = (user: { userId: string }, deviceId = 'applf17abc123') => ({ organizationId: org.organizationId, userId: user.userId, deviceId });

describe('device sync endpoint', () => {
  it('records a device on its first sync, and the last sync on each later one', async () => {
    const user = await newUser();
    const first = deps.clock();
    expect(await sync({ address: user.email })).toMatchObject({ status: 200, body: { status: 'ok', wipe: false } });

    const [device] = await caller().devices.list({ organizationId: org.organizationId, userId: user.userId });
    expect(device).toEqual({
      deviceId: 'applf17abc123',
      deviceType: 'iPhone',
      model: 'iPhone15,2',
      operatingSystem: 'iOS 17.4',
      userAgent: 'Apple-iPhone15C2/2104.4',
      firstSyncAt: first,
      lastSyncAt: first,
      wipeStatus: null,
      wipeRequestedAt: null,
      wipeSentAt: null,
      wipedAt: null,
    });

    deps.clock.advance(60_000);
    // Same device (ids compare without case), newer OS; the body's user agent wins over the header.
    await sync({ address: user.email, deviceId: 'APPLF17ABC123', body: { operatingSystem: 'iOS 17.5', userAgent: 'Mail/1.0' } });
    const again = await caller().devices.get(ref(user));
    expect(again).toMatchObject({ firstSyncAt: first, lastSyncAt: deps.clock(), operatingSystem: 'iOS 17.5', model: 'iPhone15,2', userAgent: 'Mail/1.0' });
    expect(await caller().devices.list({ organizationId: org.organizationId, userId: user.userId })).toHaveLength(1);

    const events = await caller().activity.list({ organizationId: org.organizationId, targetId: user.userId, action: 'device.' });
    expect(events.items.map((e) => e.action)).toEqual(['device.add']); // routine syncs are not audited
    expect(events.items[0]).toMatchObject({ actorType: 'user', actorLabel: user.email, via: 'activesync' });
  });

  it('records a device once when its first two syncs race', async () => {
    const user = await newUser();
    const results = await Promise.all([sync({ address: user.email, deviceId: 'Twin1' }), sync({ address: user.email, deviceId: 'TWIN1' })]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(await caller().devices.list({ organizationId: org.organizationId, userId: user.userId })).toHaveLength(1);
    const events = await caller().activity.list({ organizationId: org.organizationId, targetId: user.userId, action: 'device.add' });
    expect(events.items).toHaveLength(1);
  });

  it('signs in with an alias too', async () => {
    const user = await newUser();
    await caller().users.addAlias({ organizationId: org.organizationId, entityId: user.userId, localPart: `alias${n}`, domain: org.domain });
    expect((await sync({ address: `ALIAS${n}@${org.domain}`, deviceId: 'Alias1' })).status).toBe(200);
    expect((await caller().devices.list({ organizationId: org.organizationId, userId: user.userId })).map((d) => d.deviceId)).toEqual(['alias1']);
  });

  it('answers a wrong password and an unknown address alike, with a Basic challenge', async () => {
    const user = await newUser();
    const wrong = await sync({ address: user.email, password: 'Not-The-Password-1' });
    const unknown = await sync({ address: `ghost@${org.domain}` });
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      expect(r.body).toEqual({ status: 'error', code: 'AUTH.INVALID_CREDENTIALS', message: 'The email address or password is incorrect.' });
    }
    const missing = await fetch(`${server.url}/Microsoft-Server-ActiveSync?Cmd=Provision&DeviceId=abc`, { method: 'POST' });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(await caller().devices.list({ organizationId: org.organizationId, userId: user.userId })).toEqual([]);
  });

  it('throttles failed sign-ins per address', async () => {
    const user = await newUser();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) expect((await sync({ address: user.email, password: 'Wrong-Password-1' })).status).toBe(401);
    const limited = await sync({ address: user.email });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'AUTH.RATE_LIMITED' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    deps.clock.advance(SIGN_IN_LIMITS.windowMinutes * 60_000);
    expect((await sync({ address: user.email })).status).toBe(200);
  });

  it('shares an address’s guess budget with the portal: failures through either count against both', async () => {
    const user = await newUser();
    const portal = portalBrowser(deps, { ip: '10.9.0.1' });
    for (let i = 0; i < PORTAL_LIMITS.signIn.perAddress; i++) {
      if (i % 2 === 0) expect((await sync({ address: user.email, password: 'Wrong-Password-1' })).status).toBe(401);
      else expect((await failure(portal.portal.signIn({ email: user.email.toUpperCase(), password: 'Wrong-Password-1' }))).code).toBe('UNAUTHORIZED');
    }
    expect((await sync({ address: user.email })).status).toBe(429);
    expect(await failure(portal.portal.signIn({ email: user.email, password: USER_PASSWORD }))).toMatchObject({ domainCode: 'AUTH.RATE_LIMITED' });
    deps.clock.advance(PORTAL_LIMITS.signIn.windowMinutes * 60_000);
    expect((await sync({ address: user.email })).status).toBe(200);
  });

  it('refuses a disabled user’s devices with the reason, and lets them in again once enabled', async () => {
    const user = await newUser();
    await sync({ address: user.email });
    await caller().users.disable({ organizationId: org.organizationId, userIds: [user.userId] });
    const refused = await sync({ address: user.email });
    expect(refused).toMatchObject({
      status: 403,
      body: { code: 'DEVICE.ACCESS_DENIED', message: 'This account is disabled: its mobile devices cannot sync.' },
    });
    expect(refused.headers.get('www-authenticate')).toBeNull();
    await caller().users.enable({ organizationId: org.organizationId, users: [{ userId: user.userId, email: user.email }] });
    expect((await sync({ address: user.email })).status).toBe(200);
  });

  it('refuses the devices of an organization that is not Active', async () => {
    const inactive = await createActiveOrganization(deps, op.actor);
    const user = await createMailboxUser(deps, op.actor, inactive, 'traveller');
    expect((await sync({ address: user.email })).status).toBe(200);
    await updateOrganization(deps.db, inactive.organizationId, { state: 'Inactive' });
    expect(await sync({ address: user.email })).toMatchObject({
      status: 403,
      body: { code: 'DEVICE.ACCESS_DENIED', message: expect.stringMatching(/organization of this account is not active \(state: Inactive\)/) },
    });
  });

  it(`refuses a new device once the user has ${MAX_DEVICES_PER_USER}, still syncing the known ones`, async () => {
    const user = await newUser();
    for (let i = 0; i < MAX_DEVICES_PER_USER; i++) {
      await insertDevice(deps.db, { organizationId: org.organizationId, userId: user.userId, deviceId: `old${i}` }, deps.clock());
    }
    expect(await sync({ address: user.email, deviceId: 'OneTooMany' })).toMatchObject({
      status: 422,
      body: { code: 'DEVICE.LIMIT_REACHED', message: expect.stringMatching(/remove one/) },
    });
    expect((await sync({ address: user.email, deviceId: 'old7' })).status).toBe(200);
  });

  it.each([
    ['a missing device id', { deviceId: null }, 'deviceId', 'Device id is required.'],
    ['a device id with a hyphen', { deviceId: 'abc-123' }, 'deviceId', 'Device id may contain only letters and digits.'],
    ['a 33-character device id', { deviceId: 'a'.repeat(33) }, 'deviceId', 'Device id must be at most 32 characters.'],
    ['another command', { cmd: 'Sync' }, 'Cmd', 'Only Cmd=Provision is supported.'],
    ['a 257-character model', { body: { model: 'm'.repeat(257) } }, 'model', 'Model must be at most 256 characters.'],
    ['a non-boolean acknowledgement', { body: { wipeAcknowledged: 'yes' } }, 'wipeAcknowledged', /boolean/],
    ['a body that is not an object', { body: [1, 2] }, 'body', 'The body must be a JSON object.'],
  ] as const)('refuses %s with 400 naming the field, before any sign-in', async (_, options, field, rule) => {
    const r = await sync({ address: 'nobody@example.com', ...options });
    expect(r.status).toBe(400);
    expect((r.body.fieldErrors as Record<string, string[]>)[field]![0]).toMatch(rule);
  });

  it('answers the OPTIONS discovery of ActiveSync clients after sign-in', async () => {
    const user = await newUser();
    const anonymous = await fetch(`${server.url}/Microsoft-Server-ActiveSync`, { method: 'OPTIONS' });
    expect(anonymous.status).toBe(401);
    const signedIn = await fetch(`${server.url}/Microsoft-Server-ActiveSync`, { method: 'OPTIONS', headers: { authorization: basic(user.email, USER_PASSWORD) } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('ms-asprotocolcommands')).toBe('Provision');
    expect(signedIn.headers.get('ms-asprotocolversions')).toBe('14.1');
  });
});

describe('verified passwords (MAILYARD_DEVICE_CREDENTIAL_CACHE_SECONDS)', () => {
  /** Whether the request ran argon2: the server names it in `Server-Timing`. */
  const ranArgon2 = (r: { headers: Headers }) => /(^|, )argon2;dur=/.test(r.headers.get('server-timing') ?? '');

  it('runs argon2 on the first sync of a password only; a wrong one always pays it, and never opens the door', async () => {
    const user = await newUser();
    const first = await sync({ address: user.email });
    expect([first.status, ranArgon2(first)]).toEqual([200, true]);
    const second = await sync({ address: user.email });
    expect([second.status, ranArgon2(second)]).toEqual([200, false]);
    for (const password of ['Wrong-Password-1', `${USER_PASSWORD}x`]) {
      const wrong = await sync({ address: user.email, password });
      expect([wrong.status, ranArgon2(wrong)]).toEqual([401, true]);
    }
    // The wrong ones took nothing away from the right one.
    expect(ranArgon2(await sync({ address: user.email }))).toBe(false);
  });

  it('a reset password refuses the old one at the very next sync, and the new one is verified once', async () => {
    const user = await newUser();
    await sync({ address: user.email });
    const next = 'Renewed-Password-2026';
    await caller().users.resetPassword({ organizationId: org.organizationId, userId: user.userId, password: next, repeatPassword: next });
    const old = await sync({ address: user.email });
    expect([old.status, ranArgon2(old)]).toEqual([401, true]);
    expect(ranArgon2(await sync({ address: user.email, password: next }))).toBe(true);
    const again = await sync({ address: user.email, password: next });
    expect([again.status, ranArgon2(again)]).toEqual([200, false]);
  });

  it('a remembered password is no guess: its syncs write nothing to the budget, and forgive the address’s failures', async () => {
    const user = await newUser();
    const addressKey = `user-signin:addr:${user.email}`;
    const windows = () => rateLimitRowVersions(deps.db, [addressKey, 'user-signin:ip:127.0.0.1']);
    expect(ranArgon2(await sync({ address: user.email }))).toBe(true);
    const before = await windows();
    expect(before.map((w) => w.key)).toContain('user-signin:ip:127.0.0.1');
    for (let i = 0; i < 3; i++) expect(await sync({ address: user.email })).toMatchObject({ status: 200 });
    // Not a row written (an update, even to the same count, is a new row version).
    expect(await windows()).toEqual(before);

    for (let i = 0; i < 2; i++) expect((await sync({ address: user.email, password: 'Wrong-Password-1' })).status).toBe(401);
    expect((await windows()).filter((w) => w.key === addressKey).map((w) => w.count)).toEqual([2]);
    const remembered = await sync({ address: user.email });
    expect([remembered.status, ranArgon2(remembered)]).toEqual([200, false]);
    expect((await windows()).find((w) => w.key === addressKey)).toBeUndefined();
  });

  it('a verified password does not outlive the account: a disabled user is refused at once, and the budget still counts', async () => {
    const user = await newUser();
    await sync({ address: user.email });
    await caller().users.disable({ organizationId: org.organizationId, userIds: [user.userId] });
    expect((await sync({ address: user.email })).status).toBe(403);
    await caller().users.enable({ organizationId: org.organizationId, users: [{ userId: user.userId, email: user.email }] });
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) await sync({ address: user.email, password: 'Wrong-Password-1' });
    // The right password, verified a moment ago, is throttled like any other attempt once the guesses are spent.
    expect((await sync({ address: user.email })).status).toBe(429);
  });
});

describe('wipe lifecycle', () => {
  it('still tells a disabled user’s device to wipe itself, and takes its acknowledgement; then refuses it', async () => {
    const user = await newUser();
    await sync({ address: user.email });
    await caller().users.disable({ organizationId: org.organizationId, userIds: [user.userId] });
    // The departed user's phone: refused, until an operator asks for a wipe.
    expect((await sync({ address: user.email })).status).toBe(403);
    await caller().devices.wipe(ref(user));
    expect(await sync({ address: user.email })).toMatchObject({ status: 200, body: { status: 'ok', wipe: true } });
    expect(await sync({ address: user.email, body: { wipeAcknowledged: true } })).toMatchObject({ status: 200, body: { status: 'ok', wipe: false } });
    expect(await caller().devices.get(ref(user))).toMatchObject({ wipeStatus: 'WIPED' });
    expect(await sync({ address: user.email })).toMatchObject({ status: 403, body: { code: 'DEVICE.ACCESS_DENIED' } });
    // Another device of the same user learns nothing: it owes no wipe.
    expect(await sync({ address: user.email, deviceId: 'otherphone1' })).toMatchObject({ status: 403, body: { code: 'DEVICE.ACCESS_DENIED' } });
  });

  it('a routine sync writes only over the wipe status it read: a wipe asked for meanwhile stays, and the next sync sends it', async () => {
    const user = await newUser();
    await sync({ address: user.email });
    const synced = (await caller().devices.get(ref(user))).lastSyncAt;
    await caller().devices.wipe(ref(user));
    // The write of a sync that read the device just before the wipe was asked for (its lock-free path).
    expect(await updateDevice(deps.db, ref(user), { lastSyncAt: new Date(0) }, { wipeStatus: null })).toBe(false);
    expect(await caller().devices.get(ref(user))).toMatchObject({ wipeStatus: 'PENDING', lastSyncAt: synced });
    expect(await sync({ address: user.email })).toMatchObject({ status: 200, body: { status: 'ok', wipe: true } });
    expect(await caller().devices.get(ref(user))).toMatchObject({ wipeStatus: 'SENT' });
  });

  it('wipe pending → sent on the next sync (and again until acknowledged) → wiped; remove lets it back as new', async () => {
    const user = await newUser();
    await sync({ address: user.email });

    // Asked, then withdrawn before the device heard of it.
    expect(await caller().devices.wipe(ref(user))).toMatchObject({ wipeStatus: 'PENDING', wipeRequestedAt: deps.clock() });
    expect(await caller().devices.cancelWipe(ref(user))).toMatchObject({ wipeStatus: null, wipeRequestedAt: null });
    expect((await sync({ address: user.email })).body).toEqual({ status: 'ok', wipe: false });

    // Asked again: the next sync is told to wipe, and so is every sync until the device acknowledges.
    deps.clock.advance(1000);
    const requestedAt = deps.clock();
    await caller().devices.wipe(ref(user));
    deps.clock.advance(1000);
    expect((await sync({ address: user.email })).body).toEqual({ status: 'ok', wipe: true });
    const sentAt = deps.clock();
    expect(await caller().devices.get(ref(user))).toMatchObject({ wipeStatus: 'SENT', wipeRequestedAt: requestedAt, wipeSentAt: sentAt });
    deps.clock.advance(1000);
    expect((await sync({ address: user.email })).body).toEqual({ status: 'ok', wipe: true });
    expect(await caller().devices.get(ref(user))).toMatchObject({ wipeStatus: 'SENT', wipeSentAt: sentAt });
    expect(await failure(caller().devices.cancelWipe(ref(user)))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      domainCode: 'DEVICE.INVALID_STATE',
      message: expect.stringMatching(/can no longer be cancelled/),
    });

    // The device acknowledges (repeating it is harmless), and may not sync any more.
    deps.clock.advance(1000);
    expect((await sync({ address: user.email, body: { wipeAcknowledged: true } })).body).toEqual({ status: 'ok', wipe: false });
    const wipedAt = deps.clock();
    expect(await caller().devices.get(ref(user))).toMatchObject({ wipeStatus: 'WIPED', wipedAt });
    expect((await sync({ address: user.email, body: { wipeAcknowledged: true } })).status).toBe(200);
    expect(await caller().devices.get(ref(user))).toMatchObject({ wipedAt });
    expect(await sync({ address: user.email })).toMatchObject({ status: 412, body: { code: 'DEVICE.INVALID_STATE', message: expect.stringMatching(/wiped; remove it/) } });
    expect(await failure(caller().devices.wipe(ref(user)))).toMatchObject({ domainCode: 'DEVICE.INVALID_STATE', message: 'This device has already been wiped.' });

    // Remove: gone from the list; the next sync brings it back as a new device.
    expect(await caller().devices.remove(ref(user))).toEqual({ deviceId: 'applf17abc123' });
    expect(await caller().devices.list({ organizationId: org.organizationId, userId: user.userId })).toEqual([]);
    expect(await failure(caller().devices.get(ref(user)))).toMatchObject({ code: 'NOT_FOUND', domainCode: 'DEVICE.NOT_FOUND' });
    deps.clock.advance(1000);
    expect((await sync({ address: user.email })).body).toEqual({ status: 'ok', wipe: false });
    expect(await caller().devices.list({ organizationId: org.organizationId, userId: user.userId })).toEqual([
      expect.objectContaining({ deviceId: 'applf17abc123', wipeStatus: null, firstSyncAt: deps.clock() }),
    ]);

    const events = await caller().activity.list({ organizationId: org.organizationId, targetId: user.userId, action: 'device.' });
    expect(events.items.map((e) => e.action).reverse()).toEqual([
      'device.add',
      'device.wipe',
      'device.cancel_wipe',
      'device.wipe',
      'device.wipe_sent',
      'device.wiped',
      'device.remove',
      'device.add',
    ]);
  });

  it('refuses an acknowledgement for a wipe the device was never told about, recording nothing', async () => {
    const user = await newUser();
    expect(await sync({ address: user.email, deviceId: 'fresh1', body: { wipeAcknowledged: true } })).toMatchObject({
      status: 412,
      body: { code: 'DEVICE.INVALID_STATE' },
    });
    expect(await caller().devices.list({ organizationId: org.organizationId, userId: user.userId })).toEqual([]);
  });

  it('refuses console actions on a device that never synced and on an unknown user', async () => {
    const user = await newUser();
    const device = ref(user);
    const c = caller();
    for (const call of [() => c.devices.get(device), () => c.devices.wipe(device), () => c.devices.cancelWipe(device), () => c.devices.remove(device)]) {
      expect(await failure(call())).toMatchObject({ code: 'NOT_FOUND', domainCode: 'DEVICE.NOT_FOUND' });
    }
    const unknown = { organizationId: org.organizationId, userId: '00000000-0000-4000-8000-000000000000' };
    expect(await failure(caller().devices.list(unknown))).toMatchObject({ code: 'NOT_FOUND', domainCode: 'USER.NOT_FOUND' });
    expect(await failure(caller().devices.get({ ...ref(user), deviceId: 'bad-id' }))).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { deviceId: [expect.any(String)] } });
  });
});

describe('tenant isolation', () => {
  it('an operator of another account gets NOT_FOUND for every device call', async () => {
    const user = await newUser();
    await sync({ address: user.email });
    const intruder = callerFor(deps, other.actor);
    const device = ref(user);
    for (const call of [
      () => intruder.devices.list({ organizationId: org.organizationId, userId: user.userId }),
      () => intruder.devices.get(device),
      () => intruder.devices.wipe(device),
      () => intruder.devices.cancelWipe(device),
      () => intruder.devices.remove(device),
    ]) {
      expect(await failure(call())).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ORGANIZATION.NOT_FOUND' });
    }
    const own = await createActiveOrganization(deps, other.actor);
    expect(await failure(intruder.devices.get({ ...device, organizationId: own.organizationId }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await caller().devices.get(device)).toMatchObject({ wipeStatus: null });
  });
});
