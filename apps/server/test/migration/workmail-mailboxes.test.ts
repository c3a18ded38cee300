import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailStack, type MailStack } from '../mailserver/mail-stack.ts';
import { portalBrowser } from '../support/portal.ts';
import { resetLinkIn, startSmtpReceiver, type SmtpReceiver } from '../support/smtp.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { testImap } from '../support/mail-seed.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { runMigrateCli, sidesArgs, type CliRun } from './cli.ts';
import { bothMailboxes, messageCount, seedMailbox, seedMessage, startMailSource, withImap, type MailSource } from './mailboxes.ts';

/**
 * Mailbox content: the source is a Mailyard (WorkMail-compatible /aws) whose real Dovecot holds mail — folders with
 * a nested one, flags and keywords, attachments, messages without a Message-ID, one message twice — and the target
 * is a second Mailyard with its own Dovecot, written through its master user. Each run is the command in its own
 * process, as an operator runs it; the comparison is message by message (folder, Message-ID, body hash, flags,
 * internal date), read straight from both servers.
 */
const SOURCE_MASTER = { name: 'admin', password: 'Source-Master-Pass-1' };
const TARGET_MASTER = { name: 'migration', password: 'Target-Master-Pass-1' };
const USERS = 7; // user0..user5 hold mail; user5 has no row in the passwords CSV; user6 has an empty mailbox
const PER_USER = 320;

let source: MailSource;
let target: { deps: TestDeps; server: TestServer; op: TestOperator; token: string; organizationId: string; mail: MailStack };
let dir: string;
let smtp: SmtpReceiver;
const recoveryAddress = (i: number) => `owner${i}@home.example`;
const password = (i: number) => `Mailbox-Pass-${i}-x`;
const userName = (i: number) => `user${i}`;

beforeAll(async () => {
  // The target mails the reset links of --recovery-csv through a real SMTP relay.
  smtp = await startSmtpReceiver();
  const targetDeps = await createTestDeps({ SMTP_URL: smtp.url, MAILYARD_PUBLIC_URL: 'https://mail.example.com' });
  const [sourceSide, targetServer, targetMail] = await Promise.all([
    startMailSource(SOURCE_MASTER, Array.from({ length: USERS }, (_, i) => userName(i)), (name) => password(Number(name.slice(4)))),
    startTestServer(targetDeps),
    startMailStack(targetDeps, undefined, { masterUsers: [TARGET_MASTER] }),
  ]);
  source = sourceSide;
  for (let i = 0; i < 6; i++) await withImap(sourceImap(i), (client) => seedMailbox(client, i, `${userName(i)}@${source.domain}`, PER_USER - i * 10));

  const op = await createOperator(targetDeps);
  const { token } = await callerFor(targetDeps, op.actor).apiTokens.create({ name: 'migration', access: 'read-write' });
  const { organizationId } = await callerFor(targetDeps, op.actor).organizations.create({ alias: `my-${Math.random().toString(36).slice(2, 8)}` });
  target = { deps: targetDeps, server: targetServer, op, token, organizationId, mail: targetMail };
  dir = await mkdtemp(path.join(tmpdir(), 'mailyard-migrate-mail-'));
  await writeFile(path.join(dir, 'imap-passwords.csv'), ['user,password', ...[0, 1, 2, 3, 4, 6].map((i) => `${userName(i)},${password(i)}`)].join('\n'));
  await writeFile(path.join(dir, 'recovery.csv'), ['user,recovery_email', ...Array.from({ length: USERS }, (_, i) => `${userName(i)},${recoveryAddress(i)}`)].join('\n'));
  await writeFile(path.join(dir, 'ca.pem'), (await Promise.all([source.mail, targetMail].map((m) => readFile(m.certificateFile, 'utf8')))).join(''));
}, 600_000);

afterAll(async () => {
  await Promise.all([source?.close(), target?.server.close(), target?.mail.stop()]);
  await target?.deps.database.drop();
  await smtp?.close();
});

const imap = testImap;
const sourceImap = (i: number) => imap(source.mail, { user: `${userName(i)}@${source.domain}`, pass: password(i) });
const targetEmail = (i: number) => `${userName(i)}@${targetDomain}`;
const targetImap = (i: number) => imap(target.mail, { user: TARGET_MASTER.name, pass: TARGET_MASTER.password, authzid: targetEmail(i) });
let targetDomain: string;
const message = (i: number, user: number, options: { attachment: boolean; messageId: boolean }) => seedMessage(i, user, `${userName(user)}@${source.domain}`, options);

async function expectSameMailbox(user: number) {
  const [s, t] = await Promise.all([sourceImap(user), targetImap(user)]);
  try {
    const both = await bothMailboxes(s, t);
    expect(both.source.length).toBeGreaterThan(0);
    expect(both.target, `mailbox of ${userName(user)}`).toEqual(both.source);
    return both.source.length;
  } finally {
    await Promise.all([s.logout(), t.logout()]);
  }
}

const targetMessageCount = (user: number) => withImap(targetImap(user), messageCount);

function migrate(args: string[], options: { killWhen?: (stderr: string) => boolean; master?: boolean } = {}): Promise<CliRun> {
  const sourceCredentials = options.master ? ['--source-imap-master', SOURCE_MASTER.name] : ['--source-imap-passwords', path.join(dir, 'imap-passwords.csv')];
  return runMigrateCli(
    [
      ...sidesArgs({ url: source.server.url, region: source.deps.config.MAILYARD_REGION, organizationId: source.organizationId }, { url: target.server.url, organizationId: target.organizationId }),
      '--source-imap',
      `imap://127.0.0.1:${source.mail.imapPort}`,
      ...sourceCredentials,
      '--target-imap',
      `imap://127.0.0.1:${target.mail.imapPort}`,
      '--target-imap-master',
      TARGET_MASTER.name,
      '--recovery-csv',
      path.join(dir, 'recovery.csv'),
      ...args,
    ],
    {
      MAILYARD_TOKEN: target.token,
      AWS_ACCESS_KEY_ID: source.tenant.accessKeyId,
      AWS_SECRET_ACCESS_KEY: source.tenant.secretAccessKey,
      SOURCE_IMAP_MASTER_PASSWORD: SOURCE_MASTER.password,
      MAILYARD_IMAP_MASTER_PASSWORD: TARGET_MASTER.password,
      // The test servers' certificates are self-signed: trusted as an operator trusts a private CA, never skipped.
      NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.pem'),
    },
    options.killWhen,
  );
}

const seededTotal = Array.from({ length: 6 }, (_, u) => PER_USER - u * 10 + 1).reduce((a, b) => a + b, 0);
/** The last mail line: the plan's in a dry run, the outcome's in a run (the plan's comes first). */
const countsLine = (out: string) => [...out.matchAll(/Mail \(IMAP\): .*/g)].at(-1)?.[0] ?? `(no mail line in)\n${out}`;

describe('mailyard migrate (mailbox content over IMAP)', () => {
  it('--help documents the mail options; a run without the target IMAP server is refused', async () => {
    const help = await runMigrateCli(['--help'], {});
    for (const option of ['--source-imap', '--source-imap-passwords', '--source-imap-master', 'SOURCE_IMAP_MASTER_PASSWORD', '--target-imap', '--target-imap-master', 'MAILYARD_IMAP_MASTER_PASSWORD', '--skip-mail']) {
      expect(help.stdout).toContain(option);
    }
    const bad = await runMigrateCli(['--organization-id', source.organizationId, '--target-url', target.server.url, '--alias', 'x', '--source-imap', 'imap://127.0.0.1:1', '--source-imap-master', 'a'], { MAILYARD_TOKEN: 't' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('SOURCE_IMAP_MASTER_PASSWORD must hold the password of --source-imap-master (or --skip-mail).');
    expect(bad.stderr).toContain("--target-imap: give the target's IMAP server (Mailyard's Dovecot) (or --skip-mail).");
  }, 120_000);

  it('plans the mail with the directory: counts per mailbox, the one without credentials named, nothing copied', async () => {
    targetDomain = (await callerFor(target.deps, target.op.actor).organizations.get({ organizationId: target.organizationId })).defaultMailDomain!;
    const run = await migrate(['--dry-run']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const user5 = PER_USER - 50 + 1;
    expect(countsLine(run.stdout)).toBe(`Mail (IMAP): 6 mailboxes, 21 folders, ${seededTotal - user5} messages in the source; 0 already in the target, ${seededTotal - user5} to copy (${countsLine(run.stdout).match(/\((\d+\.\d) MiB\)/)?.[1]} MiB), 0 with flags to update.`);
    expect(run.stdout).toContain('user5: no row in --source-imap-passwords');
    expect(run.stdout).toContain('Dry run: nothing was changed.');
  }, 300_000);

  it('copies, survives kill -9 mid-copy, resumes without a duplicate, and the mailboxes match message by message', async () => {
    const killed = await migrate([], { killWhen: (err) => /Copying mail \[#{6,}/.test(err) });
    expect(killed.signal, killed.stdout + killed.stderr).toBe('SIGKILL');
    const partial = (await Promise.all([0, 1, 2, 3, 4].map(targetMessageCount))).reduce((a, b) => a + b, 0);
    expect(partial).toBeGreaterThan(0);

    const resumed = await migrate(['--report', path.join(dir, 'report.json')]);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    const user5 = PER_USER - 50 + 1;
    expect(countsLine(resumed.stdout)).toMatch(new RegExp(`^Mail \\(IMAP\\): 6 mailboxes, 21 folders, ${seededTotal - user5} messages in the source; ${partial} already in the target, ${seededTotal - user5 - partial} copied`));
    // user5 was left out (no password): its messages are not in the target, and the checklist does not say they are.
    expect(resumed.stdout).toContain('Every message of the 6 mailboxes verified is in the target (same Message-ID and size); 1 not verified.');
    expect(resumed.stdout).toContain('[ ] 1 mailboxes not copied nor verified (user5): see why above, fix it and run again');
    expect(resumed.stdout).not.toContain('[x] every source message is in the target');
    const report = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8'));
    expect(report.mail.find((r: { user: string }) => r.user === 'user5').skipped).toBe('no row in --source-imap-passwords');

    let compared = 0;
    for (const user of [0, 1, 2, 3, 4]) compared += await expectSameMailbox(user);
    expect(compared).toBe(seededTotal - user5);
    expect(await targetMessageCount(6)).toBe(0);
  }, 900_000);

  it('signs in to the source as its master user for the mailbox without a password; a run after that copies nothing', async () => {
    const master = await migrate([], { master: true });
    expect(master.code, master.stdout + master.stderr).toBe(0);
    expect(countsLine(master.stdout)).toMatch(new RegExp(`, ${PER_USER - 50 + 1} copied `));
    expect(master.stdout).toContain('[x] every source message is in the target');
    await expectSameMailbox(5);

    const again = await migrate([], { master: true });
    expect(again.code).toBe(0);
    expect(countsLine(again.stdout)).toMatch(new RegExp(`${seededTotal} messages in the source; ${seededTotal} already in the target, 0 copied \\(0\\.0 MiB\\), 0 with flags updated\\.$`));
  }, 600_000);

  it('a new message and a changed flag in the source move on the next run, and nothing else', async () => {
    const client = await sourceImap(1);
    try {
      await client.append('INBOX', message(9999, 1, { attachment: false, messageId: true }), ['\\Seen'], new Date(Date.UTC(2026, 5, 1)));
      const lock = await client.getMailboxLock('INBOX');
      try {
        await client.messageFlagsAdd({ header: { 'message-id': '<m4.u1@seed.example>' } }, ['\\Flagged', 'Important']);
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
    const run = await migrate([], { master: true });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(countsLine(run.stdout)).toMatch(/, 1 copied \(0\.0 MiB\), 1 with flags updated\.$/);
    await expectSameMailbox(1);
  }, 600_000);

  it('--recovery-csv: each new user got one reset link at its recovery address, which sets the password that opens the copied mailbox', async () => {
    // Four runs created the users once: one link each, however often the command ran.
    const links = new Map<number, string>();
    for (let i = 0; i < USERS; i++) {
      const mail = await smtp.next(recoveryAddress(i), 60_000);
      expect(mail.subject).toBe('Choose a password for your moved mailbox');
      expect(mail.text).toContain(targetEmail(i));
      links.set(i, resetLinkIn(mail)!);
    }
    expect(smtp.received.filter((m) => m.to.some((to) => to.endsWith('@home.example')))).toEqual([]);

    // Until the link is used nobody can sign in: the password is one nobody knows.
    const signIn = (pass: string) => imap(target.mail, { user: targetEmail(0), pass });
    await expect(signIn(password(0))).rejects.toThrow();
    const token = new URL(links.get(0)!).hash.replace('#token=', '');
    const portal = portalBrowser(target.deps, { ip: '10.77.0.1' });
    expect(await portal.portal.reset.complete({ token, password: 'Chosen-after-move-1', repeatPassword: 'Chosen-after-move-1' })).toEqual({ email: targetEmail(0) });
    const own = await signIn('Chosen-after-move-1');
    try {
      const inbox = await own.status('INBOX', { messages: true });
      expect(inbox && inbox.messages).toBe(PER_USER / 2 + 1); // i % 4 of 0 or 1, and the message seeded twice
    } finally {
      await own.logout();
    }
  }, 300_000);
});
