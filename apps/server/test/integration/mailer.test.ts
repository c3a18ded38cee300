import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '@mailyard/db';
import { findJobByKey } from '@mailyard/db/queries/jobs';
import type { Deps } from '../../src/deps.ts';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { sendNotice, type Notice } from '../../src/services/mail/send-notice.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization } from '../support/mailbox-fixtures.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP receiver on a loopback port; recipients starting with `refused` are rejected with 550. */
async function startSmtpReceiver() {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refused')) return callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const header = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1];

let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let deps: TestDeps;
let op: TestOperator;
let org: { organizationId: string; domain: string };

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  deps = await createTestDeps({ SMTP_URL: smtp.url, MAILYARD_MAIL_FROM: 'Mailyard Notices <notices@example.com>' });
  op = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
});
afterAll(async () => {
  await smtp.close();
  await deps.database.drop();
});

const notice = (overrides: Partial<Notice> = {}): Notice => ({
  organizationId: org.organizationId,
  kind: 'test.notice',
  to: 'alice@example.com',
  subject: 'Hello from the outbox',
  body: 'First line.\nSecond line.\n',
  ...overrides,
});

const send = (d: Deps, n: Notice) => inTransaction(d.db, (tx) => sendNotice(tx, n, d.clock()));
const outboxEntry = async (d: Deps, outboxId: number) =>
  (await callerFor(d, op.actor).outbox.list({ organizationId: org.organizationId, limit: 100 })).items.find((e) => e.id === outboxId)!;

describe('sendNotice through SMTP_URL', () => {
  it('queues the notice in the outbox, and the mail.send job delivers it to the relay and marks it sent', async () => {
    const { outboxId } = await send(deps, notice());
    expect(await outboxEntry(deps, outboxId)).toMatchObject({ state: 'queued', sentAt: null, to: 'alice@example.com', kind: 'test.notice' });

    await runDueJobs(deps, jobRegistry);

    const message = smtp.received.at(-1)!;
    expect(message.from).toBe('notices@example.com');
    expect(message.to).toEqual(['alice@example.com']);
    expect(header(message.raw, 'Subject')).toBe('Hello from the outbox');
    expect(header(message.raw, 'From')).toBe('Mailyard Notices <notices@example.com>');
    expect(header(message.raw, 'Message-ID')).toBe(`<outbox-${outboxId}@example.com>`);
    expect(message.raw).toContain('First line.\r\nSecond line.');
    const entry = await outboxEntry(deps, outboxId);
    expect(entry).toMatchObject({ state: 'sent', lastError: null });
    expect(entry.sentAt).toBeInstanceOf(Date);
  });

  it('sends nothing when the caller’s transaction rolls back', async () => {
    const before = smtp.received.length;
    let outboxId = 0;
    await expect(
      inTransaction(deps.db, async (tx) => {
        outboxId = (await sendNotice(tx, notice({ subject: 'Never' }), deps.clock())).outboxId;
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await runDueJobs(deps, jobRegistry);
    expect(smtp.received.length).toBe(before);
    expect(await outboxEntry(deps, outboxId)).toBeUndefined();
  });

  it('gives up at once when the relay refuses the recipient (5xx), keeping the reason', async () => {
    const { outboxId } = await send(deps, notice({ to: 'refused@example.com' }));
    await runDueJobs(deps, jobRegistry);
    const entry = await outboxEntry(deps, outboxId);
    expect(entry.state).toBe('failed');
    expect(entry.lastError).toMatch(/No such mailbox here/);
  });

  it('retries later when the relay is unreachable, recording the error meanwhile', async () => {
    const down = await startSmtpReceiver();
    await down.close();
    const unreachable: Deps = { ...deps, config: { ...deps.config, SMTP_URL: down.url } };
    const { outboxId } = await send(unreachable, notice());
    await runDueJobs(unreachable, jobRegistry);
    const entry = await outboxEntry(deps, outboxId);
    expect(entry.state).toBe('queued');
    expect(entry.lastError).toMatch(/ECONNREFUSED|connect/i);
    const job = await findJobByKey(deps.db, `mail.send:${outboxId}`);
    expect(job).toMatchObject({ state: 'pending', attempts: 1 });
    expect(job!.runAt.getTime()).toBeGreaterThan(deps.clock().getTime());

    // The relay is back: the retry delivers it.
    deps.clock.advance(60_000);
    await runDueJobs(deps, jobRegistry);
    expect(await outboxEntry(deps, outboxId)).toMatchObject({ state: 'sent', lastError: null });
  });
});

describe('without SMTP_URL', () => {
  it('keeps the notice in the outbox and announces it in the log, without its body', async () => {
    const logged: { msg: string; data?: object }[] = [];
    const local: Deps = {
      ...deps,
      config: { ...deps.config, SMTP_URL: undefined },
      log: { ...deps.log, info: (msg, data) => logged.push({ msg, data }) },
    };
    const before = smtp.received.length;
    const { outboxId } = await send(local, notice({ subject: 'Kept here', body: 'Reset link: https://example.test/r/abc\n' }));
    await runDueJobs(local, jobRegistry);

    expect(smtp.received.length).toBe(before);
    expect(await outboxEntry(deps, outboxId)).toMatchObject({ state: 'kept', sentAt: null, subject: 'Kept here' });
    const line = logged.find((l) => l.msg.includes(`#${outboxId}`))!;
    // Named by id, kind and recipient only: a subject may hold a code, a body a link.
    expect(line.msg).toMatch(/SMTP_URL is not set\): #\d+ \S+ to alice@example\.com$/);
    expect(JSON.stringify(line)).not.toMatch(/Reset link|Kept here/);

    // Setting SMTP_URL later does not resend kept notices.
    await runDueJobs(deps, jobRegistry);
    expect(smtp.received.length).toBe(before);
  });
});

describe('outbox.list', () => {
  it('pages an organization’s notices newest first', async () => {
    const tenant = await createOperator(deps);
    const own = await createActiveOrganization(deps, tenant.actor);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await send(deps, notice({ organizationId: own.organizationId, subject: `n${i}` }))).outboxId);
      if (i % 2 === 0) deps.clock.advance(1000); // some share a timestamp: the id breaks the tie
    }
    const caller = callerFor(deps, tenant.actor);
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await caller.outbox.list({ organizationId: own.organizationId, limit: 2, cursor });
      pages.push(page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.flat()).toEqual([...ids].reverse());
    expect(pages).toHaveLength(3);
    expect(await caller.outbox.count({ organizationId: own.organizationId })).toEqual({ count: 5, exact: true });
  });

  it('refuses a forged cursor and a page size out of range', async () => {
    const caller = callerFor(deps, op.actor);
    expect(await failure(caller.outbox.list({ organizationId: org.organizationId, cursor: 'garbage' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { cursor: [expect.stringMatching(/invalid/)] },
    });
    expect((await failure(caller.outbox.list({ organizationId: org.organizationId, limit: 101 }))).fieldErrors.limit).toBeDefined();
  });

  it('is not found for an operator of another account', async () => {
    const intruder = await createOperator(deps);
    expect(await failure(callerFor(deps, intruder.actor).outbox.list({ organizationId: org.organizationId }))).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'ORGANIZATION.NOT_FOUND',
    });
    expect(await failure(callerFor(deps, intruder.actor).outbox.count({ organizationId: org.organizationId }))).toMatchObject({ domainCode: 'ORGANIZATION.NOT_FOUND' });
  });
});
