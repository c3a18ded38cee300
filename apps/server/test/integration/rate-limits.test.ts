import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '@mailyard/core/auth';
import { PORTAL_LIMITS } from '@mailyard/core/portal';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { HOUR_MS } from '../../src/platform/clock.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createPortalUser, portalBrowser, signedIn, type PortalUser } from '../support/portal.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { tally, trpcBatch, trpcCall, type WireAnswer } from '../support/trpc-http.ts';

/**
 * Every rate-limited secret check, attacked as a script would: one tRPC batch of 120 calls, 50 parallel HTTP requests,
 * and 120 concurrent calls inside the process (what a batch amounted to before batches of guesses were refused). However
 * the attempts arrive, no more than the limit of them reach the check.
 */
let deps: TestDeps;
let server: TestServer;
let op: TestOperator;
let org: { organizationId: string; domain: string };

beforeAll(async () => {
  deps = await createTestDeps();
  server = await startTestServer(deps, { worker: false });
  op = await createOperator(deps);
  const first = await createPortalUser(deps, op.actor);
  org = { organizationId: first.organizationId, domain: first.domain };
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

// Every window is at most an hour: each test starts in fresh ones (the client address, 127.0.0.1, is shared).
beforeEach(() => deps.clock.advance(2 * HOUR_MS));

const WRONG = 'Wrong-Password-1';
const times = <T,>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const parallel = (n: number, call: (i: number) => Promise<WireAnswer>) => Promise.all(times(n, call));

/** The answers of in-process calls: the error's domain code, or `ok`. */
async function settled(calls: Promise<unknown>[]): Promise<{ error: string | null }[]> {
  return Promise.all(calls.map(async (call) => ({ error: await call.then(() => null, async (e: unknown) => (await failure(Promise.reject(e))).domainCode) })));
}

/** A batch holding two or more guesses is refused whole, before any of them runs. */
function expectBatchRefused(answers: WireAnswer[], size: number) {
  expect(answers).toHaveLength(size);
  expect(tally(answers)).toEqual({ BAD_REQUEST: size });
  expect(answers[0]!.message).toBe('Send one sign-in, password, code or reset link per request.');
}

const newUser = () => createPortalUser(deps, op.actor, org);

async function portalCookie(user: PortalUser): Promise<string> {
  const signIn = await trpcCall(server.url, 'portal.signIn', { email: user.email, password: user.password });
  expect(signIn.error).toBeNull();
  return signIn.setCookie!.split(';')[0]!;
}

const auditCount = async (targetId: string, actionPrefix: string) =>
  (await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId, actionPrefix, after: null, limit: 1000 })).length;

describe('operator sign-in (auth.signIn)', () => {
  it('refuses a batch of 120 guesses whole: none is checked, the right password at index 100 opens no session', async () => {
    const victim = await createOperator(deps);
    const calls = times(120, (i) => ({ path: 'auth.signIn', input: { email: victim.email, password: i === 100 ? victim.password : `${WRONG}${i}` } }));
    const { answers, setCookie } = await trpcBatch(server.url, calls);
    expectBatchRefused(answers, 120);
    expect(setCookie).toBeNull();
    // Nothing was even counted: the owner signs in at once.
    expect((await trpcCall(server.url, 'auth.signIn', { email: victim.email, password: victim.password })).error).toBeNull();
  });

  it('checks at most the address budget of 50 parallel guesses, then refuses the right password too', async () => {
    const victim = await createOperator(deps);
    const answers = await parallel(50, (i) => trpcCall(server.url, 'auth.signIn', { email: victim.email, password: `${WRONG}${i}` }));
    expect(tally(answers)).toEqual({ 'AUTH.INVALID_CREDENTIALS': SIGN_IN_LIMITS.perAddress, 'AUTH.RATE_LIMITED': 50 - SIGN_IN_LIMITS.perAddress });
    expect((await trpcCall(server.url, 'auth.signIn', { email: victim.email, password: victim.password })).error).toBe('AUTH.RATE_LIMITED');
  });

  it('checks at most the client address budget of 50 parallel guesses at 50 addresses', async () => {
    const answers = await parallel(50, (i) => trpcCall(server.url, 'auth.signIn', { email: `nobody${i}@example.com`, password: WRONG }));
    expect(tally(answers)).toEqual({ 'AUTH.INVALID_CREDENTIALS': SIGN_IN_LIMITS.perIp, 'AUTH.RATE_LIMITED': 50 - SIGN_IN_LIMITS.perIp });
  });

  it('checks at most the budget of 120 concurrent calls in the process', async () => {
    const victim = await createOperator(deps);
    const answers = await settled(times(120, (i) => callerFor(deps, null).auth.signIn({ email: victim.email, password: `${WRONG}${i}` })));
    expect(tally(answers)).toEqual({ 'AUTH.INVALID_CREDENTIALS': SIGN_IN_LIMITS.perAddress, 'AUTH.RATE_LIMITED': 120 - SIGN_IN_LIMITS.perAddress });
  });

  it('counts only failures: a right password forgives its own attempt and the address’s failures', async () => {
    const user = await createOperator(deps);
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress - 1; i++) {
      expect((await trpcCall(server.url, 'auth.signIn', { email: user.email, password: WRONG })).error).toBe('AUTH.INVALID_CREDENTIALS');
    }
    // Far more good sign-ins than either budget holds.
    for (let i = 0; i < SIGN_IN_LIMITS.perIp + 5; i++) {
      expect((await trpcCall(server.url, 'auth.signIn', { email: user.email, password: user.password })).error).toBeNull();
    }
  });
});

describe('portal sign-in (portal.signIn)', () => {
  it('refuses a batch of 120 guesses whole: the right password at index 100 opens no session', async () => {
    const victim = await newUser();
    const calls = times(120, (i) => ({ path: 'portal.signIn', input: { email: victim.email, password: i === 100 ? victim.password : `${WRONG}${i}` } }));
    const { answers, setCookie } = await trpcBatch(server.url, calls);
    expectBatchRefused(answers, 120);
    expect(setCookie).toBeNull();
    expect(await auditCount(victim.userId, 'user.sign_in')).toBe(0);
  });

  it('checks at most the address budget of 50 parallel guesses', async () => {
    const victim = await newUser();
    const answers = await parallel(50, (i) => trpcCall(server.url, 'portal.signIn', { email: victim.email, password: `${WRONG}${i}` }));
    expect(tally(answers)).toEqual({ 'AUTH.INVALID_CREDENTIALS': PORTAL_LIMITS.signIn.perAddress, 'AUTH.RATE_LIMITED': 50 - PORTAL_LIMITS.signIn.perAddress });
    expect((await trpcCall(server.url, 'portal.signIn', { email: victim.email, password: victim.password })).error).toBe('AUTH.RATE_LIMITED');
  });

  it('checks at most the budget of 120 concurrent calls in the process', async () => {
    const victim = await newUser();
    const answers = await settled(times(120, (i) => portalBrowser(deps).portal.signIn({ email: victim.email, password: `${WRONG}${i}` })));
    expect(tally(answers)).toEqual({ 'AUTH.INVALID_CREDENTIALS': PORTAL_LIMITS.signIn.perAddress, 'AUTH.RATE_LIMITED': 120 - PORTAL_LIMITS.signIn.perAddress });
  });
});

describe('the device endpoint (/Microsoft-Server-ActiveSync)', () => {
  const basic = (address: string, password: string) => `Basic ${Buffer.from(`${address}:${password}`).toString('base64')}`;
  const sync = (address: string, password: string) =>
    fetch(`${server.url}/Microsoft-Server-ActiveSync?Cmd=Provision&DeviceId=ApplF17ABC123&DeviceType=iPhone`, {
      method: 'POST',
      headers: { authorization: basic(address, password), 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'iPhone15,2' }),
    });

  it('checks at most the address budget of 50 parallel guesses, which it shares with the portal', async () => {
    const victim = await newUser();
    const statuses = await Promise.all(times(50, async (i) => (await sync(victim.email, `${WRONG}${i}`)).status));
    expect(tally(statuses.map((s) => ({ error: String(s) })))).toEqual({ '401': PORTAL_LIMITS.signIn.perAddress, '429': 50 - PORTAL_LIMITS.signIn.perAddress });
    expect((await sync(victim.email, victim.password)).status).toBe(429);
    expect((await trpcCall(server.url, 'portal.signIn', { email: victim.email, password: victim.password })).error).toBe('AUTH.RATE_LIMITED');
  });

  it('lets many phones behind one address sync: good sign-ins do not fill the client address’s budget', async () => {
    const users = await Promise.all(times(4, () => newUser()));
    for (let round = 0; round < 10; round++) {
      for (const user of users) expect((await sync(user.email, user.password)).status).toBe(200);
    }
  });
});

describe('the current password (portal.changePassword)', () => {
  const change = (cookie: string, currentPassword: string) =>
    trpcCall(server.url, 'portal.changePassword', { currentPassword, password: 'Brand-New-Secret-77', repeatPassword: 'Brand-New-Secret-77' }, { cookie });

  it('refuses a batch of 120 guesses whole', async () => {
    const victim = await newUser();
    const cookie = await portalCookie(victim);
    const calls = times(120, (i) => ({ path: 'portal.changePassword', input: { currentPassword: i === 100 ? victim.password : `${WRONG}${i}`, password: 'Brand-New-Secret-77', repeatPassword: 'Brand-New-Secret-77' } }));
    expectBatchRefused((await trpcBatch(server.url, calls, { cookie })).answers, 120);
    expect(await auditCount(victim.userId, 'user.password_change')).toBe(0);
  });

  it('checks at most the user’s budget of 50 parallel guesses', async () => {
    const victim = await newUser();
    const cookie = await portalCookie(victim);
    const answers = await parallel(50, (i) => change(cookie, `${WRONG}${i}`));
    const limit = PORTAL_LIMITS.currentPassword.perUser;
    expect(tally(answers)).toEqual({ 'PASSWORD.WRONG_CURRENT': limit, 'AUTH.RATE_LIMITED': 50 - limit });
    expect((await change(cookie, victim.password)).error).toBe('AUTH.RATE_LIMITED');
  });

  it('checks at most the budget of 120 concurrent calls in the process', async () => {
    const victim = await newUser();
    const browser = await signedIn(deps, victim);
    const answers = await settled(times(120, (i) => browser.portal.changePassword({ currentPassword: `${WRONG}${i}`, password: 'Brand-New-Secret-77', repeatPassword: 'Brand-New-Secret-77' })));
    const limit = PORTAL_LIMITS.currentPassword.perUser;
    expect(tally(answers)).toEqual({ 'PASSWORD.WRONG_CURRENT': limit, 'AUTH.RATE_LIMITED': 120 - limit });
  });
});

describe('forgot password (portal.reset.request)', () => {
  const limit = PORTAL_LIMITS.resetRequest.perAddress;

  it('refuses a batch of 120 requests whole', async () => {
    const victim = await newUser();
    const calls = times(120, () => ({ path: 'portal.reset.request', input: { email: victim.email } }));
    expectBatchRefused((await trpcBatch(server.url, calls)).answers, 120);
    expect(await auditCount(victim.userId, 'user.password_reset_request')).toBe(0);
  });

  it('handles at most the address budget of 50 parallel requests', async () => {
    const victim = await newUser();
    const answers = await parallel(50, () => trpcCall(server.url, 'portal.reset.request', { email: victim.email }));
    expect(tally(answers)).toEqual({ ok: limit, 'AUTH.RATE_LIMITED': 50 - limit });
    expect(await auditCount(victim.userId, 'user.password_reset_request')).toBe(limit);
  });

  it('handles at most the budget of 120 concurrent calls in the process', async () => {
    const victim = await newUser();
    const answers = await settled(times(120, () => portalBrowser(deps, { ip: '198.51.100.7' }).portal.reset.request({ email: victim.email })));
    expect(tally(answers)).toEqual({ ok: limit, 'AUTH.RATE_LIMITED': 120 - limit });
    expect(await auditCount(victim.userId, 'user.password_reset_request')).toBe(limit);
  });
});

describe('reset links (portal.reset.check, portal.reset.complete)', () => {
  const limit = PORTAL_LIMITS.resetSubmit.perIp;
  const token = (i: number) => `${String(i).padStart(4, '0')}${'x'.repeat(39)}`;

  it('refuses a batch of 120 guessed links whole', async () => {
    const calls = times(120, (i) => ({ path: i % 2 ? 'portal.reset.check' : 'portal.reset.complete', input: { token: token(i), password: 'Brand-New-Secret-77', repeatPassword: 'Brand-New-Secret-77' } }));
    expectBatchRefused((await trpcBatch(server.url, calls)).answers, 120);
  });

  it('checks at most the client address budget of 50 parallel guesses', async () => {
    const answers = await parallel(50, (i) => trpcCall(server.url, 'portal.reset.check', { token: token(i) }));
    expect(tally(answers)).toEqual({ 'RESET.TOKEN_INVALID': limit, 'AUTH.RATE_LIMITED': 50 - limit });
  });

  it('checks at most the budget of 120 concurrent calls in the process', async () => {
    const browser = portalBrowser(deps, { ip: '198.51.100.8' });
    const answers = await settled(times(120, (i) => browser.portal.reset.complete({ token: token(i), password: 'Brand-New-Secret-77', repeatPassword: 'Brand-New-Secret-77' })));
    expect(tally(answers)).toEqual({ 'RESET.TOKEN_INVALID': limit, 'AUTH.RATE_LIMITED': 120 - limit });
  });
});

describe('recovery codes (portal.recovery.start, portal.recovery.verify)', () => {
  const limit = PORTAL_LIMITS.recoveryCode.perUser;

  it('refuses a batch of 120 code requests or code guesses whole', async () => {
    const victim = await newUser();
    const cookie = await portalCookie(victim);
    const starts = times(120, (i) => ({ path: 'portal.recovery.start', input: { email: `home${i}@example.net` } }));
    expectBatchRefused((await trpcBatch(server.url, starts, { cookie })).answers, 120);
    expect(await auditCount(victim.userId, 'user.recovery_address_code_send')).toBe(0);

    expect((await trpcCall(server.url, 'portal.recovery.start', { email: 'home@example.net' }, { cookie })).error).toBeNull();
    const guesses = times(120, (i) => ({ path: 'portal.recovery.verify', input: { code: String(i).padStart(6, '0') } }));
    expectBatchRefused((await trpcBatch(server.url, guesses, { cookie })).answers, 120);
  });

  it('sends at most the user’s budget of codes for 50 parallel requests', async () => {
    const victim = await newUser();
    const cookie = await portalCookie(victim);
    const answers = await parallel(50, (i) => trpcCall(server.url, 'portal.recovery.start', { email: `home${i}@example.net` }, { cookie }));
    expect(tally(answers)).toEqual({ ok: limit, 'AUTH.RATE_LIMITED': 50 - limit });
    expect(await auditCount(victim.userId, 'user.recovery_address_code_send')).toBe(limit);
  });

  it('sends at most the budget of codes for 120 concurrent calls in the process', async () => {
    const victim = await newUser();
    const browser = await signedIn(deps, victim);
    const answers = await settled(times(120, (i) => browser.portal.recovery.start({ email: `home${i}@example.net` })));
    expect(tally(answers)).toEqual({ ok: limit, 'AUTH.RATE_LIMITED': 120 - limit });
    expect(await auditCount(victim.userId, 'user.recovery_address_code_send')).toBe(limit);
  });

  it('checks at most the code’s tries of 50 parallel guesses', async () => {
    const victim = await newUser();
    const cookie = await portalCookie(victim);
    expect((await trpcCall(server.url, 'portal.recovery.start', { email: 'home@example.net' }, { cookie })).error).toBeNull();
    const answers = await parallel(50, (i) => trpcCall(server.url, 'portal.recovery.verify', { code: String(i).padStart(6, '0') }, { cookie }));
    const checked = answers.filter((a) => a.message?.startsWith('The code is not correct.')).length;
    expect(checked).toBeLessThanOrEqual(PORTAL_LIMITS.recoveryCode.perUser);
    expect(answers.filter((a) => a.message === 'Too many wrong codes. Ask for a new one.').length).toBe(50 - checked);
  });
});

describe('operator-issued reset links (portalAdmin.issueResetLink: no guess, but limited)', () => {
  it('issues at most the user’s budget from a batch of 120 and from 120 concurrent calls', async () => {
    const limit = PORTAL_LIMITS.operatorResetLink.perUser;
    const signIn = await trpcCall(server.url, 'auth.signIn', { email: op.email, password: op.password });
    const cookie = signIn.setCookie!.split(';')[0]!;
    const victim = await newUser();
    const ref = { organizationId: victim.organizationId, userId: victim.userId };
    const { answers } = await trpcBatch(server.url, times(120, () => ({ path: 'portalAdmin.issueResetLink', input: ref })), { cookie });
    expect(tally(answers)).toEqual({ ok: limit, 'AUTH.RATE_LIMITED': 120 - limit });

    deps.clock.advance(2 * HOUR_MS);
    const other = await newUser();
    const inProcess = await settled(times(120, () => callerFor(deps, op.actor).portalAdmin.issueResetLink({ organizationId: other.organizationId, userId: other.userId })));
    expect(tally(inProcess)).toEqual({ ok: limit, 'AUTH.RATE_LIMITED': 120 - limit });
    expect(await auditCount(other.userId, 'user.password_reset_link_issue')).toBe(limit);
  });
});
