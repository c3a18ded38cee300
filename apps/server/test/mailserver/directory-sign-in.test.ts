import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '@mailyard/core/auth';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { directoryLdif, passwordOf, userDn } from '../support/directory-seed.ts';
import { createDirectoryOrganization, replaceAttribute } from '../support/directories.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startSlapd, type RunningSlapd } from '../support/slapd.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { deliver, imapSignIn, readInbox, submit } from './mail-program.ts';
import { startMailStack, type MailStack } from './mail-stack.ts';

/**
 * Directory users sign in to the mail servers with their directory password: Dovecot's SQL passdb does not know it,
 * so its checkpassword passdb (deploy/dovecot/directory-sign-in.sh) asks Mailyard, which binds to the directory as
 * the user. Debian's Dovecot and Postfix on the deploy/ files, a real slapd, a real Mailyard.
 */
const TOKEN = 'directory-sign-in-token-of-32-chars-or-more';
let deps: TestDeps;
let slapd: RunningSlapd;
let server: TestServer;
let op: TestOperator;
let stack: MailStack;
let directoryId = '';
let organizationId = '';
let domain = '';
let userIds: Record<string, string> = {};
const address = (uid: string) => `${uid}@${domain}`;

beforeAll(async () => {
  [deps, slapd] = await Promise.all([createTestDeps({ MAILYARD_MAIL_SERVER_TOKEN: TOKEN }), startSlapd(directoryLdif(10))]);
  server = await startTestServer(deps);
  op = await createOperator(deps);
  ({ directoryId, organizationId, domain, userIds } = await createDirectoryOrganization(deps, op.actor, slapd, 'dir-mail'));
  await callerFor(deps, op.actor).users.enable({ organizationId, users: ['user003', 'user004', 'user005'].map((uid) => ({ userId: userIds[uid]!, email: address(uid) })) });
  stack = await startMailStack(deps, { url: server.url, token: TOKEN });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  await server?.close();
  await slapd?.close();
  await deps?.database.drop();
});

describe('directory users at the mail servers', () => {
  it('opens the mailbox over IMAP with the directory password, and refuses a wrong one like any', async () => {
    expect(await imapSignIn(stack, address('user003'), passwordOf('user003'))).toBe('ok');
    expect(await imapSignIn(stack, address('user003'), 'Not-the-password-1')).toBe('refused');
    // The mailbox is the one Postfix delivers to.
    await deliver(stack, { from: 'someone@outside.example', to: address('user003'), subject: 'to a directory user' });
    expect(await readInbox(stack, address('user003'), passwordOf('user003'), 'to a directory user')).toMatchObject({ subject: 'to a directory user' });
  });

  it('follows the directory: a changed password works at once and the old one no longer does', async () => {
    await replaceAttribute(slapd, userDn('user004'), 'userPassword', 'Rotated-Pass-7');
    expect(await imapSignIn(stack, address('user004'), passwordOf('user004'))).toBe('refused');
    expect(await imapSignIn(stack, address('user004'), 'Rotated-Pass-7')).toBe('ok');
  });

  it('signs a submission in with the directory password, and asks the access rules per service', async () => {
    const user = address('user005');
    const pass = passwordOf('user005');
    await expect(submit(stack, { user, pass }, { from: user, to: user, subject: 'from a directory user' })).resolves.toMatchObject({ accepted: [user] });
    const rules = callerFor(deps, op.actor).accessRules;
    await rules.put({ organizationId, name: 'no-imap', effect: 'DENY', actions: ['IMAP'], userIds: [userIds['user005']!] });
    expect(await imapSignIn(stack, user, pass)).toBe('refused');
    await expect(submit(stack, { user, pass }, { from: user, to: user, subject: 'still sends' })).resolves.toMatchObject({ accepted: [user] });
    await rules.put({ organizationId, name: 'no-smtp-from-loopback', effect: 'DENY', actions: ['SMTP'], ipRanges: ['127.0.0.0/8'] });
    await expect(submit(stack, { user, pass }, { from: user, to: user, subject: 'refused' })).rejects.toMatchObject({ responseCode: 535 });
    await rules.delete({ organizationId, name: 'no-imap' });
    await rules.delete({ organizationId, name: 'no-smtp-from-loopback' });
    expect(await imapSignIn(stack, user, pass)).toBe('ok');
  });

  it('refuses a directory user Mailyard disabled, with the right password', async () => {
    const caller = callerFor(deps, op.actor);
    await caller.users.disable({ organizationId, userIds: [userIds['user003']!] });
    expect(await imapSignIn(stack, address('user003'), passwordOf('user003'))).toBe('refused');
  });

  it('keeps mail flowing while the directory does not answer: delivery goes on, a sign-in is a temporary failure, not a wrong password', async () => {
    const caller = callerFor(deps, op.actor);
    const user = address('user005');
    const pass = passwordOf('user005');
    await slapd.stop();
    try {
      // Sync now finds the directory down: the organization is Impaired, and its mail still flows.
      await expect(caller.directories.sync({ directoryId })).rejects.toMatchObject({ message: expect.stringMatching(/Cannot reach the directory/) });
      expect((await caller.organizations.get({ organizationId })).state).toBe('Impaired');
      await expect(deliver(stack, { from: 'someone@outside.example', to: user, subject: 'during the outage' })).resolves.toMatchObject({ accepted: [user] });
      expect(await imapSignIn(stack, user, pass)).toBe('unavailable');
    } finally {
      await slapd.start();
    }
    // The directory answers again before the next sync has brought the organization back: the password opens the mailbox.
    expect(await imapSignIn(stack, user, pass)).toBe('ok');
    expect(await readInbox(stack, user, pass, 'during the outage')).toMatchObject({ subject: 'during the outage' });
    expect((await caller.organizations.get({ organizationId })).state).toBe('Impaired');
    await caller.directories.sync({ directoryId });
    expect((await caller.organizations.get({ organizationId })).state).toBe('Active');
  });
});

describe('POST /api/mail-server/sign-in', () => {
  const ask = (body: unknown, token = TOKEN) =>
    fetch(`${server.url}/api/mail-server/sign-in`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers only the mail servers, and names the field it refuses', async () => {
    expect((await ask({ login: address('user005'), password: passwordOf('user005'), service: 'imap' }, 'not-the-token')).status).toBe(401);
    const bad = await ask({ login: address('user005'), password: '', service: 'pop3' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION', fieldErrors: { password: ['Password is required.'], service: [expect.stringContaining('imap, smtp')] } });
  });

  it('answers the mailbox of any address of the user, and refuses a user with a password of their own at once', async () => {
    const ok = await ask({ login: address('user005').toUpperCase(), password: passwordOf('user005'), service: 'imap', remoteIp: '192.0.2.7' });
    expect(await ok.json()).toEqual({ user: address('user005') });
    const postmaster = await ask({ login: `postmaster@${domain}`, password: 'anything', service: 'imap' });
    expect(postmaster.status).toBe(401);
    expect(await postmaster.json()).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
  });

  it('spends the same guess budget as every sign-in of the user: past it, even the right password is refused', async () => {
    const login = address('user004');
    // Earlier tests spent some of this address's budget: guess until refused, never more often than the limit allows.
    const answers: number[] = [];
    while (answers.at(-1) !== 429 && answers.length <= SIGN_IN_LIMITS.perAddress) answers.push((await ask({ login, password: `Wrong-${answers.length}`, service: 'imap', remoteIp: '192.0.2.8' })).status);
    expect(answers.at(-1)).toBe(429);
    expect(answers.slice(0, -1).every((status) => status === 401)).toBe(true);
    const limited = await ask({ login, password: 'Rotated-Pass-7', service: 'imap', remoteIp: '192.0.2.9' });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'AUTH.RATE_LIMITED' });
    expect(await imapSignIn(stack, login, 'Rotated-Pass-7')).toBe('refused');
  });
});
