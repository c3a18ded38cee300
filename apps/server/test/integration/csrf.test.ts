import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createPortalUser } from '../support/portal.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { trpcCall } from '../support/trpc-http.ts';

/** Cookie sessions and cross-site requests, over real HTTP. */
let deps: TestDeps;
let op: TestOperator;
let server: TestServer;
let cookie: string;

beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  server = await startTestServer(deps, { worker: false });
  const res = await post('auth.signIn', { email: op.email, password: op.password });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

function post(path: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: input }),
  });
}

describe('CSRF defences of cookie sessions', () => {
  it('accepts a same-origin mutation', async () => {
    const res = await post('organizations.create', { alias: `csrf-ok-${Date.now()}` }, { cookie, origin: server.url, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(200);
  });

  it.each<[string, Record<string, string>]>([
    ['another origin', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['an opaque origin', { origin: 'null' }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['the same host under https (another scheme is another origin)', { origin: 'https://SERVER_HOST' }],
    ['the same host on another port', { origin: 'http://127.0.0.1:1' }],
  ])('refuses a mutation from %s, without a 5xx', async (_what, headers) => {
    const origin = headers.origin?.replace('SERVER_HOST', new URL(server.url).host);
    const res = await post('organizations.create', { alias: `csrf-no-${Date.now()}` }, { cookie, ...headers, ...(origin ? { origin } : {}) });
    expect(res.status).toBe(401);
    expect(JSON.stringify(await res.json())).toContain('Cross-site request refused');
  });

  it('refuses a form-encoded POST (what a cross-site form can send)', async () => {
    const res = await fetch(`${server.url}/trpc/organizations.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: 'alias=formpost',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('answers malformed JSON with a 4xx', async () => {
    const res = await fetch(`${server.url}/trpc/organizations.create`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{nope' });
    expect(res.status).toBe(400);
  });
});

/** A server behind an HTTPS reverse proxy, reached at MAILYARD_PUBLIC_URL. */
describe('behind an HTTPS proxy', () => {
  let proxied: TestDeps;
  let behind: TestServer;
  let proxiedOp: TestOperator;
  const PUBLIC = 'https://mail.example.com';
  const viaProxy = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };
  beforeAll(async () => {
    proxied = await createTestDeps({ MAILYARD_TRUST_PROXY: 'true', MAILYARD_PUBLIC_URL: PUBLIC });
    proxiedOp = await createOperator(proxied);
    behind = await startTestServer(proxied, { worker: false });
  });
  afterAll(async () => {
    await behind.close();
    await proxied.database.drop();
  });

  it('accepts mutations from the public origin only, scheme included', async () => {
    const signIn = await trpcCall(behind.url, 'auth.signIn', { email: proxiedOp.email, password: proxiedOp.password }, { ...viaProxy, origin: PUBLIC });
    expect(signIn.error).toBeNull();
    const session = signIn.setCookie!.split(';')[0]!;
    const create = (origin: string) =>
      trpcCall(behind.url, 'organizations.create', { alias: `proxied-${Math.random().toString(36).slice(2, 8)}` }, { ...viaProxy, cookie: session, origin });
    expect((await create(PUBLIC)).error).toBeNull();
    for (const origin of ['http://mail.example.com', behind.url, 'https://mail.example.com.evil.example']) {
      expect(await create(origin)).toMatchObject({ status: 401, message: 'Cross-site request refused.' });
    }
  });

  it('clears the session cookies with the attributes they were set with (Secure over HTTPS)', async () => {
    const signIn = await trpcCall(behind.url, 'auth.signIn', { email: proxiedOp.email, password: proxiedOp.password }, viaProxy);
    expect(signIn.setCookie).toMatch(/^mailyard_admin=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Strict$/);
    const signOut = await trpcCall(behind.url, 'auth.signOut', undefined, { ...viaProxy, cookie: signIn.setCookie!.split(';')[0]! });
    expect(signOut.setCookie).toMatch(/^mailyard_admin=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict$/);

    const user = await createPortalUser(proxied, proxiedOp.actor);
    for (const path of ['portal.signOut', 'portal.signOutEverywhere']) {
      const portal = await trpcCall(behind.url, 'portal.signIn', { email: user.email, password: user.password }, viaProxy);
      const out = await trpcCall(behind.url, path, undefined, { ...viaProxy, cookie: portal.setCookie!.split(';')[0]! });
      expect(out.error).toBeNull();
      expect(out.setCookie).toMatch(/^mailyard_portal=; Max-Age=0; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Strict$/);
    }
  });
});

describe('signing out over plain HTTP', () => {
  it('clears the cookie HttpOnly and SameSite=Strict, as it was set', async () => {
    const signIn = await post('auth.signIn', { email: op.email, password: op.password });
    const session = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const out = await post('auth.signOut', undefined, { cookie: session });
    expect(out.headers.get('set-cookie')).toMatch(/^mailyard_admin=; Max-Age=0; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
  });
});
