import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { openProbe } from '@mailyard/db/testing';
import { ensureMailboxKeys } from '../../src/services/mailboxes/encryption-key.ts';
import { callerFor } from '../support/caller.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createActiveOrganization, createEnabledUser, PASSWORD, uniqueName } from '../support/users.ts';
import { deliver, imapSignIn, readInbox } from './mail-program.ts';
import { startMailStack, type MailStack } from './mail-stack.ts';

/**
 * Mailbox encryption as Create organization promises it: Dovecot's mail_crypt stores every message encrypted with the
 * organization's mailbox key, whose private half Mailyard unseals with the organization's data key for a session that
 * reads mail (deploy/dovecot/mailbox-key.sh). Debian's Postfix and Dovecot on the deploy/ files, a real Mailyard.
 */
const TOKEN = 'mailbox-key-token-of-32-characters-or-more';
let deps: TestDeps;
let server: TestServer;
let stack: MailStack;
let op: TestOperator;
let organizationId = '';
let person: { userId: string; address: string };

beforeAll(async () => {
  deps = await createTestDeps({ MAILYARD_MAIL_SERVER_TOKEN: TOKEN });
  server = await startTestServer(deps);
  op = await createOperator(deps);
  const org = await createActiveOrganization(deps, op.actor);
  organizationId = org.organizationId;
  const { userId, name } = await createEnabledUser(deps, op.actor, organizationId);
  person = { userId, address: `${name}@${org.domain}` };
  stack = await startMailStack(deps, { url: server.url, token: TOKEN });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await server?.close();
  await deps?.database.drop();
});

/** Every stored message file of the person's mailbox whose content holds `text` in the clear, and how many there are. */
async function storedMessages(userId: string): Promise<Buffer[]> {
  const maildir = path.join(stack.mailRoot, organizationId, userId, 'Maildir');
  const files: Buffer[] = [];
  for (const sub of ['new', 'cur']) {
    const names = await readdir(path.join(maildir, sub)).catch(() => [] as string[]);
    for (const name of names) files.push(await readFile(path.join(maildir, sub, name)));
  }
  return files;
}

/** Points Dovecot's scripts at another Mailyard (the file they read on every run), as a restarted one on a new port. */
async function pointMailServersAt(url: string) {
  const env = path.join(stack.configDir, 'dovecot', 'mailyard-api.env');
  await writeFile(env, (await readFile(env, 'utf8')).replace(/^MAILYARD_URL=.*$/m, `MAILYARD_URL=${url}`));
}

describe('mailbox encryption', () => {
  it('stores a delivered message encrypted, and the person reads it over IMAP', async () => {
    const subject = uniqueName('secret-');
    await deliver(stack, { from: 'someone@outside.example', to: person.address, subject });
    const read = await readInbox(stack, person.address, PASSWORD, subject);
    expect(read, await stack.logs()).toMatchObject({ subject });
    expect(read!.source.toString()).toContain(subject);

    const stored = await storedMessages(person.userId);
    expect(stored).toHaveLength(1);
    // mail_crypt's file format starts with its magic; neither the subject nor the body is on disk in the clear.
    expect(stored[0]!.subarray(0, 7).toString()).toBe('CRYPTED');
    expect(stored[0]!.includes(subject)).toBe(false);
    // LMTP reads what it stored (its size, its headers for the index): with the key it can, so searches find it.
    expect(await stack.logs()).not.toMatch(/Private key not available/);
  });

  it('while Mailyard is down, Postfix accepts mail and queues it; it arrives, and the mailbox opens, once Mailyard is back', async () => {
    const before = (await storedMessages(person.userId)).length;
    await server.close();
    const subject = uniqueName('while-down-');
    await expect(deliver(stack, { from: 'someone@outside.example', to: person.address, subject })).resolves.toMatchObject({ accepted: [person.address] });
    // LMTP cannot open the mailbox without its key: it defers, and Postfix keeps the message.
    await expect.poll(async () => (await stack.logs()).match(/status=deferred/g)?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    expect((await storedMessages(person.userId)).length).toBe(before);
    // The right password, but no session without the key: not a refusal, a connection closed (tried again).
    expect(await imapSignIn(stack, person.address, PASSWORD)).toBe('closed');
    expect(await imapSignIn(stack, person.address, 'Not-the-password-1')).toBe('refused');

    server = await startTestServer(deps);
    await pointMailServersAt(server.url);
    await stack.flushQueue();
    expect(await readInbox(stack, person.address, PASSWORD, subject), await stack.logs()).toMatchObject({ subject });
    const stored = await storedMessages(person.userId);
    expect(stored).toHaveLength(before + 1);
    expect(stored.every((m) => m.subarray(0, 7).toString() === 'CRYPTED')).toBe(true);
  });

  it('says so in the console; an organization made before mailbox encryption gets its key when Mailyard starts', async () => {
    const caller = callerFor(deps, op.actor);
    expect((await caller.organizations.get({ organizationId })).encryptionKeyLabel).toBe('Mailyard managed key (secrets and mailbox contents)');
    const older = await createActiveOrganization(deps, op.actor);
    const probe = openProbe(deps.database.url);
    await probe.sql`update organizations set mailbox_public_key = null, sealed_mailbox_private_key = null where id = ${older.organizationId}`;
    await probe.close();
    expect((await caller.organizations.get({ organizationId: older.organizationId })).encryptionKeyLabel).toBe('Mailyard managed key (secrets; mailbox contents once Mailyard restarts)');
    const keyBefore = (await caller.organizations.get({ organizationId })).encryptionKeyLabel;

    expect(await ensureMailboxKeys(deps)).toBe(1);
    expect((await caller.organizations.get({ organizationId: older.organizationId })).encryptionKeyLabel).toBe('Mailyard managed key (secrets and mailbox contents)');
    // The organization that had its key keeps it (mail encrypted with it stays readable): read back through Dovecot.
    expect((await caller.organizations.get({ organizationId })).encryptionKeyLabel).toBe(keyBefore);
    expect(await ensureMailboxKeys(deps)).toBe(0);
    const subject = uniqueName('after-start-');
    await deliver(stack, { from: 'someone@outside.example', to: person.address, subject });
    expect(await readInbox(stack, person.address, PASSWORD, subject)).toMatchObject({ subject });
  });

  it('gives the private key only to the mail servers, and only for a mailbox that exists', async () => {
    const ask = (body: unknown, token = TOKEN) =>
      fetch(`${server.url}/api/mail-server/mailbox-key`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await ask({ mailbox: person.address });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(((await ok.json()) as { privateKey: string }).privateKey, 'base64').toString()).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect((await ask({ mailbox: person.address }, 'not-the-mail-server-token-at-all-0000')).status).toBe(401);
    expect(await (await ask({ mailbox: 'nobody@nowhere.example' })).json()).toMatchObject({ code: 'USER.NOT_FOUND' });
    expect(await (await ask({ mailbox: 'not an address' })).json()).toMatchObject({ code: 'VALIDATION' });
  });
});
