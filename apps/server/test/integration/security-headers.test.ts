import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** The headers every answer carries, and the no-store of API answers, over real HTTP. */
let deps: TestDeps;
let server: TestServer;
beforeAll(async () => {
  deps = await createTestDeps({ MAILYARD_MAIL_SERVER_TOKEN: 'm'.repeat(40) });
  server = await startTestServer(deps, { worker: false });
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

const get = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init });
const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  get(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** A CSP's directives by name. */
function directives(csp: string | null): Map<string, string[]> {
  return new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

function expectSecurityHeaders(res: Response) {
  const csp = directives(res.headers.get('content-security-policy'));
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  for (const values of csp.values()) expect(values).not.toContain("'unsafe-eval'");
  expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('security headers', () => {
  it.each(['/admin/', '/admin/organizations/m-0123', '/portal/', '/portal/reset', '/healthz', '/'])('are on %s', async (path) => {
    const res = await get(path);
    expectSecurityHeaders(res);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('are on API answers, which are never stored', async () => {
    const answers = [
      await postJson('/trpc/auth.signIn', { json: { email: 'nobody@example.com', password: 'x' } }),
      await get('/trpc/auth.me'),
      await get('/trpc/no.such.procedure'),
      await postJson('/aws/', {}, { 'x-amz-target': 'WorkMailService.ListOrganizations' }),
      await get('/aws/'),
      await postJson('/api/mail-server/usage', { reports: [] }, { authorization: `Bearer ${'m'.repeat(40)}` }),
      await get('/api/mail-server/dkim-keys', { headers: { authorization: `Bearer ${'m'.repeat(40)}` } }),
      await postJson('/Microsoft-Server-ActiveSync?Cmd=Provision&DeviceId=a', {}),
      await get('/healthz'),
    ];
    for (const res of answers) {
      expectSecurityHeaders(res);
      expect(`${res.url} ${res.headers.get('cache-control')}`).toBe(`${res.url} no-store`);
    }
  });

  it('sends HSTS (and upgrades insecure requests) only behind an HTTPS proxy', async () => {
    const proxied = await createTestDeps({ MAILYARD_TRUST_PROXY: 'true' });
    const behindProxy = await startTestServer(proxied, { worker: false });
    try {
      const res = await fetch(`${behindProxy.url}/admin/`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(directives(res.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(true);
      expectSecurityHeaders(res);
    } finally {
      await behindProxy.close();
      await proxied.database.drop();
    }
  });
});
