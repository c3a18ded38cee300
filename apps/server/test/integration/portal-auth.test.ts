import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_LIMITS } from '@mailyard/core/portal';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { updateOrganization } from '@mailyard/db/queries/organizations';
import { countUserSessions } from '@mailyard/db/queries/self-service';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createPortalUser, portalBrowser, portalCookie, signedIn, type PortalUser } from '../support/portal.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let deps: TestDeps;
let op: TestOperator;
let alice: PortalUser;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  alice = await createPortalUser(deps, op.actor);
});
afterAll(() => deps.database.drop());

describe('portal sign-in', () => {
  it('signs in with the primary address, in any case, and shows who is signed in', async () => {
    const browser = portalBrowser(deps, { ip: '10.1.0.1' });
    expect(await browser.portal.me()).toBeNull();
    await browser.portal.signIn({ email: alice.email.toUpperCase(), password: alice.password });
    expect(portalCookie(browser)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await browser.portal.me();
    expect(me).toMatchObject({ userId: alice.userId, primaryEmail: alice.email, name: alice.name, recovery: { email: null, pendingEmail: null } });
  });

  it('signs in with any alias', async () => {
    const [local] = ['alice-alias'];
    await callerFor(deps, op.actor).users.addAlias({ organizationId: alice.organizationId, entityId: alice.userId, localPart: local!, domain: alice.domain });
    const browser = await signedIn(deps, { email: `${local}@${alice.domain}`, password: alice.password }, { ip: '10.1.0.2' });
    expect((await browser.portal.me())?.userId).toBe(alice.userId);
  });

  it('answers a wrong password, an unknown address and a group address alike', async () => {
    await callerFor(deps, op.actor).groups.create({ organizationId: alice.organizationId, name: 'sales', email: `sales@${alice.domain}` });
    const browser = portalBrowser(deps, { ip: '10.1.0.3' });
    const answers = await Promise.all([
      failure(browser.portal.signIn({ email: alice.email, password: 'Not-the-password-1' })),
      failure(browser.portal.signIn({ email: `nobody@${alice.domain}`, password: 'Not-the-password-1' })),
      failure(browser.portal.signIn({ email: 'nobody@nowhere.example', password: 'Not-the-password-1' })),
      failure(browser.portal.signIn({ email: `sales@${alice.domain}`, password: 'Not-the-password-1' })),
    ]);
    for (const answer of answers) {
      expect(answer).toEqual({ code: 'UNAUTHORIZED', domainCode: 'AUTH.INVALID_CREDENTIALS', message: 'The email address or password is incorrect.', fieldErrors: {} });
    }
    expect(portalCookie(browser)).toBeNull();
  });

  it('names the fields of a malformed sign-in', async () => {
    const error = await failure(portalBrowser(deps).portal.signIn({ email: 'not-an-email', password: '' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fieldErrors).toEqual({ email: ['Enter a valid email address.'], password: ['Password is required.'] });
  });

  it('rate-limits failures per address, even with the right password afterwards, for known and unknown addresses alike', async () => {
    const bob = await createPortalUser(deps, op.actor, alice);
    const unknown = `ghost@${alice.domain}`;
    for (const [i, email] of [bob.email, unknown].entries()) {
      const browser = portalBrowser(deps, { ip: `10.2.0.${i}` });
      for (let n = 0; n < PORTAL_LIMITS.signIn.perAddress; n++) {
        expect((await failure(browser.portal.signIn({ email, password: 'Wrong-password-1' }))).code).toBe('UNAUTHORIZED');
      }
      const limited = await failure(browser.portal.signIn({ email, password: bob.password }));
      expect(limited).toMatchObject({ code: 'TOO_MANY_REQUESTS', domainCode: 'AUTH.RATE_LIMITED' });
      expect(limited.message).toMatch(/^Too many attempts\. Try again in \d+ minute\(s\)\.$/);
    }
    deps.clock.advance(PORTAL_LIMITS.signIn.windowMinutes * 60_000);
    await expect(signedIn(deps, bob, { ip: '10.2.0.9' })).resolves.toBeTruthy();
  });

  it('rate-limits one client address trying many accounts; other clients are not affected', async () => {
    const browser = portalBrowser(deps, { ip: '10.3.0.1' });
    for (let n = 0; n < PORTAL_LIMITS.signIn.perIp; n++) {
      await failure(browser.portal.signIn({ email: `guess${n}@${alice.domain}`, password: 'Wrong-password-1' }));
    }
    expect((await failure(browser.portal.signIn(alice))).code).toBe('TOO_MANY_REQUESTS');
    await expect(signedIn(deps, alice, { ip: '10.3.0.2' })).resolves.toBeTruthy();
  });

  it('records sign-ins in the audit log', async () => {
    const events = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: alice.userId, actionPrefix: 'user.sign_in', after: null, limit: 50 });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events[0]).toMatchObject({ actorType: 'user', actorLabel: alice.email, via: 'portal', targetType: 'user' });
  });
});

describe('portal sessions', () => {
  it('signs out: the session no longer works', async () => {
    const browser = await signedIn(deps, alice, { ip: '10.4.0.1' });
    const token = portalCookie(browser);
    await browser.portal.signOut();
    expect(portalCookie(browser)).toBeNull();
    const replay = portalBrowser(deps, { token });
    expect(await replay.portal.me()).toBeNull();
    expect((await failure(replay.portal.mailbox())).code).toBe('UNAUTHORIZED');
  });

  it('signs out everywhere: every browser of the user is signed out, other users stay signed in', async () => {
    const bob = await createPortalUser(deps, op.actor, alice);
    const [phone, laptop, bobs] = [await signedIn(deps, alice, { ip: '10.4.0.2' }), await signedIn(deps, alice, { ip: '10.4.0.3' }), await signedIn(deps, bob)];
    const laptopToken = portalCookie(laptop);
    expect((await phone.portal.me())?.sessions).toBeGreaterThanOrEqual(2);
    const { sessionsEnded } = await phone.portal.signOutEverywhere();
    expect(sessionsEnded).toBeGreaterThanOrEqual(2);
    expect(portalCookie(phone)).toBeNull();
    expect(await portalBrowser(deps, { token: laptopToken }).portal.me()).toBeNull();
    expect(await countUserSessions(deps.db, alice, deps.clock())).toBe(0);
    expect((await bobs.portal.me())?.userId).toBe(bob.userId);
  });

  it('expires an unused session after its idle time, and slides while used', async () => {
    const browser = await signedIn(deps, alice, { ip: '10.4.0.4' });
    deps.clock.advance(11 * 3600_000);
    expect(await browser.portal.me()).not.toBeNull();
    deps.clock.advance(11 * 3600_000);
    expect(await browser.portal.me()).not.toBeNull();
    deps.clock.advance(12 * 3600_000 + 1000);
    expect(await browser.portal.me()).toBeNull();
  });

  it('keeps portal and console sessions apart', async () => {
    const browser = await signedIn(deps, alice, { ip: '10.4.0.5' });
    expect((await failure(browser.organizations.list({}))).code).toBe('UNAUTHORIZED');
    expect((await failure(browser.portalAdmin.getAliasPolicy({ organizationId: alice.organizationId }))).code).toBe('UNAUTHORIZED');
    expect((await failure(callerFor(deps, op.actor).portal.mailbox())).code).toBe('UNAUTHORIZED');
  });
});

describe('accounts that may not use the portal', () => {
  it('a disabled user cannot sign in, and their open sessions end at once', async () => {
    const carol = await createPortalUser(deps, op.actor, alice);
    const open = await signedIn(deps, carol, { ip: '10.5.0.1' });
    await callerFor(deps, op.actor).users.disable({ organizationId: carol.organizationId, userIds: [carol.userId] });
    expect(await open.portal.me()).toBeNull();
    expect((await failure(open.portal.aliases.list())).code).toBe('UNAUTHORIZED');
    const refused = await failure(portalBrowser(deps, { ip: '10.5.0.2' }).portal.signIn(carol));
    expect(refused).toMatchObject({ code: 'UNAUTHORIZED', domainCode: 'AUTH.ACCOUNT_UNAVAILABLE' });
    // Without the right password nothing tells the account apart from an unknown one.
    const guessed = await failure(portalBrowser(deps, { ip: '10.5.0.3' }).portal.signIn({ email: carol.email, password: 'Wrong-password-1' }));
    expect(guessed.domainCode).toBe('AUTH.INVALID_CREDENTIALS');
  });

  it('users of an organization that is not Active cannot sign in, and their sessions stop working on the next request', async () => {
    const dave = await createPortalUser(deps, op.actor);
    const open = await signedIn(deps, dave, { ip: '10.5.0.4' });
    await updateOrganization(deps.db, dave.organizationId, { state: 'Inactive' });
    expect(await open.portal.me()).toBeNull();
    expect(await countUserSessions(deps.db, dave, deps.clock())).toBe(0);
    expect((await failure(portalBrowser(deps, { ip: '10.5.0.5' }).portal.signIn(dave))).domainCode).toBe('AUTH.ACCOUNT_UNAVAILABLE');
    await updateOrganization(deps.db, dave.organizationId, { state: 'Active' });
    await expect(signedIn(deps, dave, { ip: '10.5.0.6' })).resolves.toBeTruthy();
  });
});

describe('the portal cookie over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(deps, { worker: false });
  });
  afterAll(() => server.close());

  const signInOverHttp = (headers: Record<string, string> = {}) =>
    fetch(`${server.url}/trpc/portal.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ json: { email: alice.email, password: alice.password } }),
    });

  it('is its own HttpOnly, SameSite=Strict cookie, and carries the session on later requests', async () => {
    const response = await signInOverHttp({ 'x-forwarded-for': '10.6.0.1' });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^mailyard_portal=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
    const me = await fetch(`${server.url}/trpc/portal.me`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(((await me.json()) as { result: { data: { json: { userId: string } } } }).result.data.json.userId).toBe(alice.userId);
  });

  it('refuses a sign-in posted from another site', async () => {
    const response = await signInOverHttp({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('the portal cookie behind an HTTPS proxy', () => {
  it('is marked Secure', async () => {
    const proxied = { ...deps, config: { ...deps.config, MAILYARD_TRUST_PROXY: true } };
    const server = await startTestServer(proxied, { worker: false });
    try {
      const response = await fetch(`${server.url}/trpc/portal.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.6.0.2' },
        body: JSON.stringify({ json: { email: alice.email, password: alice.password } }),
      });
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await server.close();
    }
  });
});
