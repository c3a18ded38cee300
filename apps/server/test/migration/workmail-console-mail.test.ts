import { mailSentence, type MailboxReport } from '@mailyard/core/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailStack, type MailStack } from '../mailserver/mail-stack.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, liveClock, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { testImap } from '../support/mail-seed.ts';
import { createActiveOrganization } from '../support/users.ts';
import { runAfterJobs, shownOfRuns, workMailFields } from './console.ts';
import { bothMailboxes, messageCount, seedMailbox, seedMessage, startMailSource, trustMailStacks, withImap, type MailSource } from './mailboxes.ts';

/**
 * The console's *Migrate from WorkMail* with the mailbox copy: the `migration.run` job, started through the procedures
 * as an operator, reads a second Mailyard's `/aws` (WorkMail-compatible) and copies each mailbox from that Mailyard's
 * real Dovecot into the target's real Dovecot, signing in to both as master users whose passwords the run keeps
 * sealed. Plan (mailboxes and messages listed) → migrate (every mailbox then equal to its source, message by message,
 * read straight from both servers) → plan again and migrate (nothing copied twice) → a change in the source (only it
 * moves) → a master password the target refuses (the run names each mailbox and does not tick the mail off).
 */
const SOURCE_MASTER = { name: 'admin', password: 'Source-Master-Pass-1' };
const TARGET_MASTER = { name: 'migration', password: 'Target-Master-Pass-1' };
/** Messages seeded per user (seedMailbox adds message 8 a second time); dee's mailbox is empty. */
const SEEDED: Record<string, number> = { ann: 24, bob: 16, cyd: 10, dee: 0 };
const NAMES = Object.keys(SEEDED);
const password = (name: string) => `Mailbox-Pass-${name}-1`;

let source: MailSource;
let target: { deps: TestDeps; op: TestOperator; organizationId: string; domain: string; mail: MailStack };
/** Messages each source mailbox holds. */
const held = new Map<string, number>();

beforeAll(async () => {
  const startTarget = async () => {
    const deps = await createTestDeps({}, liveClock());
    // Without a Mailyard given, the stack starts one for its mailbox keys; the test drives the target's jobs itself.
    return { deps, mail: await startMailStack(deps, undefined, { masterUsers: [TARGET_MASTER] }) };
  };
  const [sourceSide, targetSide] = await Promise.all([startMailSource(SOURCE_MASTER, NAMES, password), startTarget()]);
  source = sourceSide;
  await trustMailStacks([source.mail, targetSide.mail]);
  for (const [i, name] of NAMES.entries()) {
    held.set(name, SEEDED[name] ? await withImap(sourceImap(name), (client) => seedMailbox(client, i, `${name}@${source.domain}`, SEEDED[name]!)) : 0);
  }
  const op = await createOperator(targetSide.deps);
  const org = await createActiveOrganization(targetSide.deps, op.actor);
  target = { ...targetSide, op, ...org };
}, 120_000);

afterAll(async () => {
  await Promise.all([source?.close(), target?.mail.stop()]);
  await target?.deps.database.drop();
});

const sourceImap = (name: string) => testImap(source.mail, { user: `${name}@${source.domain}`, pass: password(name) });
const targetImap = (name: string) => testImap(target.mail, { user: TARGET_MASTER.name, pass: TARGET_MASTER.password, authzid: `${name}@${target.domain}` });
const operator = () => callerFor(target.deps, target.op.actor);
const form = (over: { targetImapMasterPassword?: string; sourceImapMaster?: undefined; sourceImapMasterPassword?: undefined; sourceImapPasswordsCsv?: string } = {}) => ({
  ...workMailFields(source, target),
  passwordMode: 'none' as const,
  copyMail: true,
  sourceImapUrl: `imap://127.0.0.1:${source.mail.imapPort}`,
  sourceImapMaster: SOURCE_MASTER.name,
  sourceImapMasterPassword: SOURCE_MASTER.password,
  targetImapUrl: `imap://127.0.0.1:${target.mail.imapPort}`,
  targetImapMaster: TARGET_MASTER.name,
  targetImapMasterPassword: TARGET_MASTER.password,
  ...over,
});
const afterJobs = (runId: string) => runAfterJobs(target, runId);

/** A mailbox report row as the plan or the report holds it, in user order. */
const byUser = (rows: MailboxReport[] | null | undefined) => [...(rows ?? [])].sort((a, b) => a.user.localeCompare(b.user));
const row = (user: string, over: Partial<MailboxReport>): MailboxReport => ({
  user,
  folders: expect.any(Number) as unknown as number,
  messages: held.get(user)!,
  present: 0,
  copied: 0,
  flagsUpdated: 0,
  bytes: expect.any(Number) as unknown as number,
  skipped: null,
  error: null,
  ...over,
});
const total = () => [...held.values()].reduce((a, b) => a + b, 0);
const mailLine = (lines: string[]) => lines.find((l) => l.startsWith('Mail (IMAP): ')) ?? `(no mail line in)\n${lines.join('\n')}`;

async function expectSameMailbox(name: string) {
  const both = await withImap(sourceImap(name), (s) => withImap(targetImap(name), (t) => bothMailboxes(s, t)));
  expect(both.source).toHaveLength(held.get(name)!);
  expect(both.target, `mailbox of ${name}`).toEqual(both.source);
}

const targetCounts = () => Promise.all(NAMES.map((name) => withImap(targetImap(name), messageCount)));

describe('Migrate from WorkMail (console): the mailbox copy over IMAP', { timeout: 60_000 }, () => {
  let firstRun: string;

  it('plans: each mailbox with its folders and messages, all to copy; nothing is created nor copied', async () => {
    const started = await operator().migration.plan(form());
    expect(started.settings).toMatchObject({ copyMail: true, sourceImapMaster: SOURCE_MASTER.name, targetImapMaster: TARGET_MASTER.name });
    firstRun = started.id;
    const run = await afterJobs(firstRun);
    expect(run.state, run.error ?? '').toBe('planned');
    const folders = await Promise.all(NAMES.map((name) => withImap(sourceImap(name), async (c) => (await c.list()).filter((f) => !f.flags.has('\\Noselect')).length)));
    expect(byUser(run.plan!.mail)).toEqual(NAMES.map((user, i) => row(user, { folders: folders[i], copied: held.get(user)! })));
    expect(total()).toBe(53);
    expect(mailLine(run.plan!.lines)).toMatch(new RegExp(`^Mail \\(IMAP\\): 4 mailboxes, ${folders.reduce((a, b) => a + b, 0)} folders, 53 messages in the source; 0 already in the target, 53 to copy \\(0\\.\\d MiB\\), 0 with flags to update\\.$`));
    expect(mailSentence(run.plan!.mail!, 'plan')).toBe('Mail: 4 mailboxes, 53 messages in WorkMail, 53 to copy.');
    const users = await operator().users.list({ organizationId: target.organizationId, limit: 100 });
    expect(users.items.filter((u) => NAMES.includes(u.name))).toEqual([]);
  });

  it('migrates: the job copies every message with its progress, verifies, and each mailbox equals its source message by message', async () => {
    await operator().migration.start({ organizationId: target.organizationId, runId: firstRun });
    // The page polls the run meanwhile: the progress it shows, as the job writes it.
    const seen: string[] = [];
    const job = afterJobs(firstRun);
    let finished = false;
    void job.finally(() => (finished = true));
    while (!finished) {
      const { progress } = await operator().migration.get({ organizationId: target.organizationId, runId: firstRun });
      if (progress && seen.at(-1) !== `${progress.phase} of ${progress.total}`) seen.push(`${progress.phase} of ${progress.total}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(seen).toContain('Copying mail of 53');
    const run = await job;
    expect(run.state, run.error ?? '').toBe('done');
    const report = run.report!;
    expect(byUser(report.mail)).toEqual(NAMES.map((user) => row(user, { copied: held.get(user)! })));
    expect(report.verification).toMatchObject({ remaining: 0, mailRemaining: 0, mailUnverified: [] });
    expect(report.lines).toContain('  Every source message is in the target (same Message-ID and size).');
    expect(report.cutover.some((l) => l.startsWith('  [x] every source message is in the target'))).toBe(true);
    for (const name of NAMES) await expectSameMailbox(name);
    expect(await targetCounts()).toEqual(NAMES.map((name) => held.get(name)));
  });

  it('plans again and migrates: nothing to copy, nothing copied twice', async () => {
    const again = await operator().migration.planAgain({ organizationId: target.organizationId, runId: firstRun });
    const planned = await afterJobs(again.id);
    expect(byUser(planned.plan!.mail)).toEqual(NAMES.map((user) => row(user, { present: held.get(user)! })));
    expect(mailLine(planned.plan!.lines)).toBe('Mail (IMAP): 4 mailboxes, ' + planned.plan!.mail!.reduce((n, r) => n + r.folders, 0) + ' folders, 53 messages in the source; 53 already in the target, 0 to copy (0.0 MiB), 0 with flags to update.');
    await operator().migration.start({ organizationId: target.organizationId, runId: again.id });
    const done = await afterJobs(again.id);
    expect(done.report).toMatchObject({ applied: 0, failed: [], verification: { remaining: 0, mailRemaining: 0, mailUnverified: [] } });
    expect(byUser(done.report!.mail)).toEqual(NAMES.map((user) => row(user, { present: held.get(user)! })));
    expect(await targetCounts()).toEqual(NAMES.map((name) => held.get(name)));
  });

  it('after a new message and a changed flag in the source, the next run moves exactly those', async () => {
    await withImap(sourceImap('dee'), (c) => c.append('INBOX', seedMessage(500, 3, `dee@${source.domain}`, { attachment: true, messageId: true }), ['\\Seen'], new Date(Date.UTC(2026, 5, 1))));
    held.set('dee', 1);
    await withImap(sourceImap('bob'), async (c) => {
      const lock = await c.getMailboxLock('INBOX');
      try {
        await c.messageFlagsAdd({ header: { 'message-id': '<m4.u1@seed.example>' } }, ['\\Flagged', 'Important']);
      } finally {
        lock.release();
      }
    });
    const next = await operator().migration.planAgain({ organizationId: target.organizationId, runId: firstRun });
    const planned = await afterJobs(next.id);
    const change = (user: string) => (user === 'dee' ? { copied: 1 } : user === 'bob' ? { present: held.get(user)!, flagsUpdated: 1 } : { present: held.get(user)! });
    expect(byUser(planned.plan!.mail)).toEqual(NAMES.map((user) => row(user, change(user))));
    await operator().migration.start({ organizationId: target.organizationId, runId: next.id });
    const done = await afterJobs(next.id);
    expect(byUser(done.report!.mail)).toEqual(NAMES.map((user) => row(user, change(user))));
    expect(done.report!.verification).toMatchObject({ mailRemaining: 0, mailUnverified: [] });
    for (const name of ['bob', 'dee']) await expectSameMailbox(name);
  });

  it("reads a source without master users (WorkMail) with the mailboxes' own passwords from a CSV: the new message moves, the mailbox without a row is named", async () => {
    await withImap(sourceImap('ann'), (c) => c.append('Archive', seedMessage(501, 0, `ann@${source.domain}`, { attachment: false, messageId: true }), [], new Date(Date.UTC(2026, 5, 2))));
    held.set('ann', held.get('ann')! + 1);
    const sourceImapPasswordsCsv = ['user,password', ...['ann', 'bob', 'cyd'].map((name) => `${name},${password(name)}`)].join('\n');
    const started = await operator().migration.plan(form({ sourceImapMaster: undefined, sourceImapMasterPassword: undefined, sourceImapPasswordsCsv }));
    expect(started.settings).toMatchObject({ sourceImapMaster: null, sourceImapPasswordRows: 3 });
    const planned = await afterJobs(started.id);
    const left = { messages: 0, folders: 0, bytes: 0, skipped: 'no row in the source passwords CSV' };
    const change = (user: string) => (user === 'dee' ? left : user === 'ann' ? { present: held.get(user)! - 1, copied: 1 } : { present: held.get(user)! });
    expect(byUser(planned.plan!.mail)).toEqual(NAMES.map((user) => row(user, change(user))));
    await operator().migration.start({ organizationId: target.organizationId, runId: started.id });
    const done = await afterJobs(started.id);
    expect(byUser(done.report!.mail)).toEqual(NAMES.map((user) => row(user, change(user))));
    expect(done.report!.verification).toMatchObject({ mailRemaining: 0, mailUnverified: ['dee'] });
    expect(done.report!.cutover).toContain('  [ ] 1 mailboxes not copied nor verified (dee): see why above, fix it and run again');
    await expectSameMailbox('ann');
    for (const text of await shownOfRuns(target)) expect(text).not.toContain(password('ann'));
  });

  it('a master password the target refuses: each mailbox is named with the refusal, and the checklist does not tick the mail off', async () => {
    const wrong = await operator().migration.plan(form({ targetImapMasterPassword: 'not-the-password' }));
    const planned = await afterJobs(wrong.id);
    expect(byUser(planned.plan!.mail).map((r) => [r.user, r.error])).toEqual(NAMES.map((user) => [user, expect.stringMatching(/sign-in refused/)]));
    // The console's sentence beside the plan names them (it no longer reads "0 mailboxes, 0 to copy" and nothing else).
    expect(mailSentence(planned.plan!.mail!, 'plan')).toMatch(/^Mail: 0 mailboxes, 0 messages in WorkMail, 0 to copy\. 4 mailboxes left out or failed \(ann: .*sign-in refused.*; …\)\.$/);
    await operator().migration.start({ organizationId: target.organizationId, runId: wrong.id });
    const done = await afterJobs(wrong.id);
    expect(done.state).toBe('done');
    expect(done.report!.verification).toMatchObject({ remaining: 0, mailRemaining: 0, mailUnverified: NAMES });
    expect(done.report!.lines).toContain('  Every message of the 0 mailboxes verified is in the target (same Message-ID and size); 4 not verified.');
    expect(done.report!.cutover.join('\n')).not.toContain('[x] every source message');
    expect(mailSentence(done.report!.mail!, 'run')).toMatch(/^Mail: 0 mailboxes, 0 messages in WorkMail, 0 copied\. 4 mailboxes left out or failed/);
    expect(done.report!.cutover).toContain(`  [ ] 4 mailboxes not copied nor verified (${NAMES.join(', ')}): see why above, fix it and run again`);
    // Nothing was copied, nor twice.
    expect(await targetCounts()).toEqual(NAMES.map((name) => held.get(name)));
  });

  it('never returns nor records the master users’ passwords', async () => {
    for (const text of await shownOfRuns(target)) {
      for (const secret of [SOURCE_MASTER.password, TARGET_MASTER.password, source.tenant.secretAccessKey]) expect(text).not.toContain(secret);
    }
  });
});
