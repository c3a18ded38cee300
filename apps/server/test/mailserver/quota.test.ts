import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, uniqueName } from '../support/users.ts';
import { deliver, readInbox } from './mail-program.ts';
import { startMailOrganization, type MailOrganization } from './mail-organization.ts';
import type { MailStack } from './mail-stack.ts';

/**
 * Quotas with Debian's Postfix and Dovecot on the deploy/ configuration: Dovecot takes each mailbox's limit from the
 * views, refuses what no longer fits (Postfix at RCPT through Dovecot's quota-status, Dovecot's own LMTP), and reports
 * usage to a running Mailyard through deploy/dovecot/quota-report.sh, so the console's usage bar and its 90 % notice
 * come from the mail Dovecot really stored. The mailboxes' addresses are on the organization's own verified domain.
 */
const run = promisify(execFile);
const TOKEN = 'mail-server-token-for-quota-tests-0123456789';
const KIB = 1024;
const MIB = 1024 * KIB;

let org: MailOrganization;
let stack: MailStack;
let organizationId: string;

beforeAll(async () => {
  org = await startMailOrganization({ mailServerToken: TOKEN, customDomain: true });
  ({ stack, organizationId } = org);
});
afterAll(() => org?.stop());

const caller = () => org.caller();
const outsider = 'someone@example.net';

/** An enabled user whose mailbox holds 1 MB. */
async function smallMailbox() {
  const user = await org.person();
  await caller().mailboxes.updateQuota({ organizationId, userId: user.userId, quotaMb: 1 });
  return user;
}

/** Delivers a message of about `bytes` and waits until the user can read it (Dovecot has counted it then). */
async function fill(user: { address: string }, bytes: number) {
  const subject = uniqueName('fill-');
  await deliver(stack, { from: outsider, to: user.address, subject, bytes });
  expect(await readInbox(stack, user.address, PASSWORD, subject), await stack.logs()).toMatchObject({ subject });
}

/** What Dovecot counts for the mailbox, in bytes (doveadm reports KiB). */
async function dovecotUsage(address: string) {
  const { stdout } = await run('doveadm', ['-c', path.join(stack.configDir, 'dovecot', 'dovecot.conf'), '-f', 'tab', 'quota', 'get', '-u', address]);
  const storage = stdout.split('\n').find((line) => line.includes('\tSTORAGE\t'));
  return Number(storage!.split('\t')[2]) * KIB;
}

async function refusal(to: string, bytes: number) {
  return deliver(stack, { from: outsider, to, subject: uniqueName('over-'), bytes }).then(
    () => null,
    (e: { response?: string }) => e.response ?? String(e),
  );
}

/** Polls the console's Quota tab until `done` holds (the report is asynchronous: Dovecot's script service runs it). */
async function consoleMailbox(userId: string, done: (m: { usageBytes: number; quotaWarningSentAt: Date | null }) => boolean) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mailbox = await caller().mailboxes.get({ organizationId, userId });
    if (done(mailbox)) return mailbox;
    if (Date.now() > deadline) throw new Error(`the console still shows ${JSON.stringify(mailbox)}\n${await stack.logs()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('quotas enforced and reported by Dovecot', () => {
  it('gives Dovecot the quota set in the console', async () => {
    const user = await smallMailbox();
    const { stdout } = await run('doveadm', ['-c', path.join(stack.configDir, 'dovecot', 'dovecot.conf'), '-f', 'tab', 'quota', 'get', '-u', user.address]);
    // STORAGE: value and limit in KiB.
    expect(stdout).toMatch(/\tSTORAGE\t0\t1024\t0/);
    await caller().mailboxes.updateQuota({ organizationId, userId: user.userId, quotaMb: 3 });
    const changed = performance.now();
    const { stdout: after } = await run('doveadm', ['-c', path.join(stack.configDir, 'dovecot', 'dovecot.conf'), '-f', 'tab', 'quota', 'get', '-u', user.address]);
    expect(after).toMatch(/\tSTORAGE\t0\t3072\t0/);
    console.log(`[mailflow] quota changed through the API → Dovecot's next lookup has the new limit (doveadm answered after ${(performance.now() - changed).toFixed(0)} ms)`);
  });

  it('reports usage when it crosses 90 %: the console shows what Dovecot stored and sends the notice once', async () => {
    const user = await smallMailbox();
    await fill(user, 300 * KIB);
    await fill(user, 300 * KIB);
    expect((await caller().mailboxes.get({ organizationId, userId: user.userId })).usageBytes, 'reported before any line was crossed').toBe(0);

    await fill(user, 350 * KIB); // over 90 % of 1 MiB
    const stored = await dovecotUsage(user.address);
    expect(stored).toBeGreaterThan(0.9 * MIB);
    const mailbox = await consoleMailbox(user.userId, (m) => m.usageBytes > 0);
    expect(mailbox).toMatchObject({ usageBytes: stored, usageState: 'warning', quotaWarningSentAt: expect.any(Date) });
    const notices = (await caller().outbox.list({ organizationId, limit: 100 })).items.filter((n) => n.to === user.address);
    expect(notices.map((n) => n.kind)).toEqual(['mailbox.quota_warning']);
  });

  it('refuses a message that no longer fits, at Postfix’s RCPT with Dovecot’s 552 5.2.2, and at Dovecot’s LMTP', async () => {
    const user = await smallMailbox();
    await fill(user, 530 * KIB);
    await fill(user, 530 * KIB); // the last message may overshoot by the 10 % grace: now over quota
    expect(await dovecotUsage(user.address)).toBeGreaterThan(MIB);

    expect(await refusal(user.address, 10 * KIB)).toMatch(/^552 5\.2\.2 <.*>: Recipient address rejected: Mailbox is full/);
    // A sender that declares no size passes Postfix's check; Dovecot's LMTP refuses at RCPT (Postfix bounces it).
    expect(await lmtpRcpt(user.address)).toMatch(/^552 5\.2\.2 <.*> Quota exceeded \(mailbox for user is full\)/);
    // Another mailbox of the domain still receives.
    const other = await smallMailbox();
    expect(await refusal(other.address, 10 * KIB)).toBeNull();
  });

  it('reports every mailbox when run without a user (the periodic report behind the usage bars)', async () => {
    const user = await smallMailbox();
    await fill(user, 200 * KIB);
    await run(path.join(stack.configDir, 'dovecot', 'quota-report.sh'));
    const stored = await dovecotUsage(user.address);
    expect(stored).toBeGreaterThan(200 * KIB);
    expect((await caller().mailboxes.get({ organizationId, userId: user.userId })).usageBytes).toBe(stored);
  });
});

/** Speaks LMTP to Dovecot as Postfix does and returns its answer to RCPT TO. */
async function lmtpRcpt(address: string): Promise<string> {
  const socket = connect(stack.lmtpPort, '127.0.0.1');
  socket.setEncoding('utf8');
  let buffer = '';
  const reply = () =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const lines = buffer.split('\r\n');
        const last = lines.findIndex((l) => /^\d{3} /.test(l));
        if (last >= 0) {
          buffer = lines.slice(last + 1).join('\r\n');
          socket.off('data', onData);
          resolve(lines[last]!);
        }
      };
      const onData = (chunk: string) => ((buffer += chunk), check());
      socket.on('data', onData);
      socket.once('error', reject);
      check();
    });
  try {
    await reply(); // greeting
    for (const command of ['LHLO mx.mailyard.test', `MAIL FROM:<${outsider}>`]) {
      socket.write(`${command}\r\n`);
      await reply();
    }
    socket.write(`RCPT TO:<${address}>\r\n`);
    return await reply();
  } finally {
    socket.end('QUIT\r\n');
  }
}
