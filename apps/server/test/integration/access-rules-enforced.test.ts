import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createPortalUser, type PortalUser } from '../support/portal.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Access control rules where Mailyard itself signs people in: the portal (action WebMail) and the device sync endpoint
 * (ActiveSync), over HTTP, with the client's address as the server sees it — `X-Forwarded-For` only behind a trusted
 * proxy. (IMAP and SMTP: test/mailserver/access-rules.test.ts, with the real Dovecot and Postfix.)
 */
let deps: TestDeps;
let op: TestOperator;
let direct: TestServer;
let proxied: TestServer;
let user: PortalUser;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  user = await createPortalUser(deps, op.actor);
  direct = await startTestServer(deps, { worker: false });
  proxied = await startTestServer({ ...deps, config: { ...deps.config, MAILYARD_TRUST_PROXY: true } }, { worker: false });
});
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
  await deps.database.drop();
});

const rules = () => callerFor(deps, op.actor).accessRules;
const deny = (name: string, rule: { actions?: ('WebMail' | 'ActiveSync' | 'IMAP')[]; ipRanges?: string[]; userIds?: string[] }) =>
  rules().put({ organizationId: user.organizationId, name, effect: 'DENY', ...rule });
const remove = (name: string) => rules().delete({ organizationId: user.organizationId, name });

async function portalSignIn(server: TestServer, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/trpc/portal.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: { email: user.email, password: user.password } }),
  });
  return { status: response.status, body: await response.text(), cookie: response.headers.get('set-cookie') };
}

async function deviceSync(server: TestServer) {
  const response = await fetch(`${server.url}/Microsoft-Server-ActiveSync?Cmd=Provision&DeviceId=phone1&DeviceType=iPhone`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${user.email}:${user.password}`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'iPhone15,2' }),
  });
  return { status: response.status, body: await response.text() };
}

describe('portal sign-in (WebMail)', () => {
  it('is refused from an address a rule denies, saying the organization’s rules refused it without naming the rule, and allowed once the rule is deleted', async () => {
    expect((await portalSignIn(direct)).status).toBe(200);
    await deny('no-portal-from-loopback', { actions: ['WebMail'], ipRanges: ['127.0.0.0/8', '::1/128'] });
    const refused = await portalSignIn(direct);
    expect(refused.status).toBe(403);
    expect(refused.cookie).toBeNull();
    expect(refused.body).toContain("Access was refused by your organization's access rules");
    expect(refused.body).toContain('ACCESS.DENIED_BY_RULES');
    expect(refused.body).not.toContain('no-portal-from-loopback');
    // A wrong password is still only a wrong password: the rules are asked of someone who knows it.
    const wrong = await fetch(`${direct.url}/trpc/portal.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: user.email, password: 'Not-The-Password-1' } }),
    });
    expect(wrong.status).toBe(401);
    await remove('no-portal-from-loopback');
    expect((await portalSignIn(direct)).status).toBe(200);
  });

  it('takes the client’s address from X-Forwarded-For only behind a trusted proxy', async () => {
    await deny('no-portal-from-test-net', { actions: ['WebMail'], ipRanges: ['203.0.113.0/24'] });
    try {
      expect((await portalSignIn(proxied, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
      expect((await portalSignIn(proxied, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200);
      // Without a trusted proxy the header is anyone's to send: the socket's address (loopback) counts.
      expect((await portalSignIn(direct, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
    } finally {
      await remove('no-portal-from-test-net');
    }
  });
});

describe('device sync (ActiveSync)', () => {
  it('is refused when a rule denies it, while the portal stays open, and works again once the rule is deleted', async () => {
    expect((await deviceSync(direct)).status).toBe(200);
    await deny('no-phones', { actions: ['ActiveSync'], userIds: [user.userId] });
    const refused = await deviceSync(direct);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('ACCESS.DENIED_BY_RULES');
    expect(refused.body).not.toContain('no-phones');
    expect((await portalSignIn(direct)).status).toBe(200);
    await remove('no-phones');
    expect((await deviceSync(direct)).status).toBe(200);
  });
});
