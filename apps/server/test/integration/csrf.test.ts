import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

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

  it.each([
    ['another origin', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['an opaque origin', { origin: 'null' }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a mutation from %s, without a 5xx', async (_what, headers) => {
    const res = await post('organizations.create', { alias: `csrf-no-${Date.now()}` }, { cookie, ...headers });
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
