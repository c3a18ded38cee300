import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword } from '@mailyard/core/passwords';
import { PORTAL_LIMITS, RESET_LINK_MINUTES } from '@mailyard/core/portal';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { RESET_REQUESTED_MESSAGE } from '../../src/services/portal/reset-request.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createPortalUser, portalBrowser, signedIn, type PortalUser } from '../support/portal.ts';
import { codeIn, resetLinkIn, startSmtpReceiver, type SmtpReceiver } from '../support/smtp.ts';
import { startTestServer } from '../support/server.ts';

const PUBLIC_URL = 'https://mail.example.com';
let smtp: SmtpReceiver;
let deps: TestDeps;
let op: TestOperator;
beforeAll(async () => {
  smtp = await startSmtpReceiver();
  deps = await createTestDeps({ SMTP_URL: smtp.url, MAILYARD_PUBLIC_URL: PUBLIC_URL });
  op = await createOperator(deps);
});
afterAll(async () => {
  await deps.database.drop();
  await smtp.close();
});

async function mailTo(to: string) {
  await runDueJobs(deps, jobRegistry);
  return smtp.next(to);
}

/** A user whose recovery address is verified (through the received code). */
async function userWithRecovery(recovery: string): Promise<PortalUser> {
  const user = await createPortalUser(deps, op.actor);
  const browser = await signedIn(deps, user);
  await browser.portal.recovery.start({ email: recovery });
  await browser.portal.recovery.verify({ code: codeIn(await mailTo(recovery))! });
  return user;
}

const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '');
const newPassword = (token: string, password: string) => ({ token, password, repeatPassword: password });
let ipCounter = 0;
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

describe('forgotten password', () => {
  it('sends a single-use link to the verified recovery address; a refused password leaves it usable; the new one ends every session', async () => {
    const user = await userWithRecovery('frank@example.net');
    const open = await signedIn(deps, user);
    const answer = await portalBrowser(deps, { ip: freshIp() }).portal.reset.request({ email: user.email });
    expect(answer).toEqual({ message: RESET_REQUESTED_MESSAGE });

    const mail = await mailTo('frank@example.net');
    expect(mail.subject).toBe('Reset your password');
    const link = resetLinkIn(mail)!;
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/portal/reset#token=[A-Za-z0-9_-]{43}$`));
    const token = tokenOf(link);

    const browser = portalBrowser(deps, { ip: freshIp() });
    expect(await browser.portal.reset.check({ token })).toMatchObject({ email: user.email });

    const weak = await failure(browser.portal.reset.complete(newPassword(token, 'weakpass')));
    expect(weak.fieldErrors.password).toEqual(checkPassword('weakpass').problems);
    const reused = await failure(browser.portal.reset.complete(newPassword(token, user.password)));
    expect(reused.domainCode).toBe('PASSWORD.REUSED');

    expect(await browser.portal.reset.complete(newPassword(token, 'Recovered-pass-1'))).toEqual({ email: user.email });
    expect(await open.portal.me()).toBeNull();
    expect((await failure(portalBrowser(deps, { ip: freshIp() }).portal.signIn(user))).domainCode).toBe('AUTH.INVALID_CREDENTIALS');
    await signedIn(deps, { email: user.email, password: 'Recovered-pass-1' }, { ip: freshIp() });

    const again = await failure(browser.portal.reset.complete(newPassword(token, 'Another-pass-2')));
    expect(again).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'RESET.TOKEN_INVALID' });
    expect(again.message).toMatch(/already been used/);

    const events = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: user.userId, actionPrefix: 'user.password_reset', after: null, limit: 5 });
    expect(events.map((e) => e.action)).toEqual(['user.password_reset', 'user.password_reset_request']);
    expect(events[0]).toMatchObject({ actorType: 'user', via: 'reset_link', after: { issuedBy: 'self', sessionsEnded: 2 } });
    expect(events[1]).toMatchObject({ after: { outcome: 'link_sent', sentTo: 'frank@example.net' } });
  });

  it('a link expires after 30 minutes', async () => {
    const user = await userWithRecovery('grace@example.net');
    await portalBrowser(deps, { ip: freshIp() }).portal.reset.request({ email: user.email });
    const token = tokenOf(resetLinkIn(await mailTo('grace@example.net'))!);
    deps.clock.advance(RESET_LINK_MINUTES * 60_000);
    const error = await failure(portalBrowser(deps, { ip: freshIp() }).portal.reset.complete(newPassword(token, 'Too-late-pass-1')));
    expect(error).toMatchObject({ domainCode: 'RESET.TOKEN_INVALID', message: 'This reset link has expired. Ask for a new one.' });
  });

  it('a newer link makes the older one useless', async () => {
    const user = await userWithRecovery('heidi@example.net');
    await portalBrowser(deps, { ip: freshIp() }).portal.reset.request({ email: user.email });
    const first = tokenOf(resetLinkIn(await mailTo('heidi@example.net'))!);
    await portalBrowser(deps, { ip: freshIp() }).portal.reset.request({ email: user.email });
    const second = tokenOf(resetLinkIn(await mailTo('heidi@example.net'))!);
    expect((await failure(portalBrowser(deps, { ip: freshIp() }).portal.reset.check({ token: first }))).domainCode).toBe('RESET.TOKEN_INVALID');
    await portalBrowser(deps, { ip: freshIp() }).portal.reset.complete(newPassword(second, 'Second-link-pass-1'));
  });

  it('refuses made-up and malformed links without a 5xx', async () => {
    const browser = portalBrowser(deps, { ip: freshIp() });
    expect(await failure(browser.portal.reset.check({ token: 'A'.repeat(43) }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This reset link is not valid. Ask for a new one.',
    });
    expect((await failure(browser.portal.reset.check({ token: 'short' }))).fieldErrors.token).toEqual(['This reset link is not valid. Ask for a new one.']);
  });

  it('answers alike — and sends nothing — for an unknown address, no recovery address, an unverified one, and a disabled account', async () => {
    const noRecovery = await createPortalUser(deps, op.actor);
    const unverified = await createPortalUser(deps, op.actor);
    await (await signedIn(deps, unverified)).portal.recovery.start({ email: 'ivan@example.net' });
    await mailTo('ivan@example.net'); // the code, not a link
    const disabled = await userWithRecovery('judy@example.net');
    await callerFor(deps, op.actor).users.disable({ organizationId: disabled.organizationId, userIds: [disabled.userId] });

    const answers = [];
    for (const email of [`nobody@${noRecovery.domain}`, 'nobody@nowhere.example', noRecovery.email, unverified.email, disabled.email]) {
      answers.push(await portalBrowser(deps, { ip: freshIp() }).portal.reset.request({ email }));
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    await runDueJobs(deps, jobRegistry);
    expect(smtp.received).toEqual([]);

    const outcomes = await Promise.all(
      [noRecovery, unverified, disabled].map(async (u) => {
        const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: u.userId, actionPrefix: 'user.password_reset_request', after: null, limit: 1 });
        return (event?.after as { outcome: string }).outcome;
      }),
    );
    expect(outcomes).toEqual(['no_recovery_address', 'no_recovery_address', 'account_unavailable']);
  });

  it('limits requests per address, known or not, with the same answer', async () => {
    const user = await userWithRecovery('ken@example.net');
    for (const email of [user.email, `ghost@${user.domain}`]) {
      for (let n = 0; n < PORTAL_LIMITS.resetRequest.perAddress; n++) await portalBrowser(deps, { ip: freshIp() }).portal.reset.request({ email });
      const limited = await failure(portalBrowser(deps, { ip: freshIp() }).portal.reset.request({ email }));
      expect(limited).toMatchObject({ code: 'TOO_MANY_REQUESTS', domainCode: 'AUTH.RATE_LIMITED' });
    }
    await runDueJobs(deps, jobRegistry);
    smtp.received.splice(0);
  });

  it('limits requests per client address', async () => {
    const browser = portalBrowser(deps, { ip: '10.99.0.1' });
    for (let n = 0; n < PORTAL_LIMITS.resetRequest.perIp; n++) await browser.portal.reset.request({ email: `someone${n}@example.com` });
    expect((await failure(browser.portal.reset.request({ email: 'another@example.com' }))).code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('reset links issued by an operator', () => {
  it('gives a one-time link for a user without a recovery address', async () => {
    const user = await createPortalUser(deps, op.actor);
    const { url, expiresAt } = await callerFor(deps, op.actor).portalAdmin.issueResetLink({ organizationId: user.organizationId, userId: user.userId });
    expect(url).toMatch(new RegExp(`^${PUBLIC_URL}/portal/reset#token=[A-Za-z0-9_-]{43}$`));
    expect(expiresAt.getTime() - deps.clock().getTime()).toBe(RESET_LINK_MINUTES * 60_000);
    const browser = portalBrowser(deps, { ip: freshIp() });
    await browser.portal.reset.complete(newPassword(tokenOf(url), 'From-operator-1'));
    await signedIn(deps, { email: user.email, password: 'From-operator-1' }, { ip: freshIp() });
    expect((await failure(browser.portal.reset.complete(newPassword(tokenOf(url), 'From-operator-2')))).domainCode).toBe('RESET.TOKEN_INVALID');

    const [issued] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: user.userId, actionPrefix: 'user.password_reset_link', after: null, limit: 1 });
    expect(issued).toMatchObject({ actorType: 'operator', actorLabel: op.email });
    expect(JSON.stringify(issued)).not.toContain(tokenOf(url));
  });

  it('is refused for a disabled user, an unknown user, and another account’s user', async () => {
    const user = await createPortalUser(deps, op.actor);
    const stranger = await createOperator(deps);
    const ref = { organizationId: user.organizationId, userId: user.userId };
    expect((await failure(callerFor(deps, stranger.actor).portalAdmin.issueResetLink(ref))).domainCode).toBe('ORGANIZATION.NOT_FOUND');
    expect((await failure(callerFor(deps, op.actor).portalAdmin.issueResetLink({ ...ref, userId: crypto.randomUUID() }))).domainCode).toBe('USER.NOT_FOUND');
    await callerFor(deps, op.actor).users.disable({ organizationId: user.organizationId, userIds: [user.userId] });
    expect((await failure(callerFor(deps, op.actor).portalAdmin.issueResetLink(ref))).domainCode).toBe('USER.INVALID_STATE');
  });
});

describe('over HTTP, with the server’s own mail worker', () => {
  it('"forgot password" → the link in the received mail → a new password → sign in', async () => {
    const user = await userWithRecovery('leo@example.net');
    const server = await startTestServer(deps);
    const post = (path: string, json: unknown) =>
      fetch(`${server.url}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json }) });
    try {
      expect((await post('portal.reset.request', { email: user.email })).status).toBe(200);
      const mail = await smtp.next('leo@example.net');
      const token = tokenOf(resetLinkIn(mail)!);
      expect((await post('portal.reset.complete', newPassword(token, 'Over-http-pass-1'))).status).toBe(200);
      const signIn = await post('portal.signIn', { email: user.email, password: 'Over-http-pass-1' });
      expect(signIn.status).toBe(200);
      expect(signIn.headers.get('set-cookie')).toMatch(/^mailyard_portal=/);
    } finally {
      await server.close();
    }
  });
});
