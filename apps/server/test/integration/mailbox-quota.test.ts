import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYTES_PER_MB, QUOTA_RANGE_MESSAGE } from '@mailyard/core/mailboxes';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createMailboxUser } from '../support/mailbox-fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TOKEN = 'mail-server-token-0123456789abcdef0123456789';
const MB = BYTES_PER_MB;

let deps: TestDeps;
let server: TestServer;
let op: TestOperator;
let other: TestOperator;
let org: { organizationId: string; domain: string };

beforeAll(async () => {
  deps = await createTestDeps({ MAILYARD_MAIL_SERVER_TOKEN: TOKEN });
  server = await startTestServer(deps, { worker: false });
  op = await createOperator(deps);
  other = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

let n = 0;
const newUser = () => createMailboxUser(deps, op.actor, org, `quota${++n}`);

async function report(body: unknown, { token = TOKEN, url = server.url }: { token?: string | null; url?: string } = {}) {
  const response = await fetch(`${url}/api/mail-server/usage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const reportUsage = async (address: string, usageBytes: number) => {
  const r = await report({ reports: [{ address, usageBytes }] });
  expect(r.status).toBe(200);
  return r.body;
};

/** The 90 % notices the outbox holds for `address`. */
async function noticesTo(address: string) {
  const page = await callerFor(deps, op.actor).outbox.list({ organizationId: org.organizationId, limit: 100 });
  return page.items.filter((e) => e.kind === 'mailbox.quota_warning' && e.to === address);
}

describe('mailbox quota', () => {
  it('a new mailbox has the default quota, no usage yet', async () => {
    const user = await newUser();
    expect(await callerFor(deps, op.actor).mailboxes.get({ organizationId: org.organizationId, userId: user.userId })).toEqual({
      userId: user.userId,
      quotaMb: 51200,
      usageBytes: 0,
      usageMb: 0,
      usageState: 'ok',
      usageReportedAt: null,
      quotaWarningSentAt: null,
      deletionDueAt: null,
    });
  });

  it('changes the quota within 1–51,200 MB and audits the change', async () => {
    const user = await newUser();
    const caller = callerFor(deps, op.actor);
    for (const quotaMb of [1, 51200, 2048]) {
      expect(await caller.mailboxes.updateQuota({ organizationId: org.organizationId, userId: user.userId, quotaMb })).toMatchObject({ quotaMb });
    }
    const events = await caller.activity.list({ organizationId: org.organizationId, targetId: user.userId, action: 'mailbox.' });
    expect(events.items[0]).toMatchObject({ action: 'mailbox.update_quota', actorLabel: op.email, before: { quotaMb: 51200 }, after: { quotaMb: 2048 } });
  });

  it.each([0, -5, 51201, 1.5])('refuses %s MB with the range in the message', async (quotaMb) => {
    const user = await newUser();
    const error = await failure(callerFor(deps, op.actor).mailboxes.updateQuota({ organizationId: org.organizationId, userId: user.userId, quotaMb }));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { quotaMb: [QUOTA_RANGE_MESSAGE] } });
    expect(error.message).toContain('1 to 51,200 MB');
  });

  it('refuses a disabled user and an unknown user', async () => {
    const user = await newUser();
    const caller = callerFor(deps, op.actor);
    await caller.users.disable({ organizationId: org.organizationId, userIds: [user.userId] });
    expect(await failure(caller.mailboxes.updateQuota({ organizationId: org.organizationId, userId: user.userId, quotaMb: 10 }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      domainCode: 'USER.INVALID_STATE',
      message: expect.stringMatching(/disabled: enable the user/),
    });
    // The kept mailbox still shows, with the date it will be deleted.
    const mailbox = await caller.mailboxes.get({ organizationId: org.organizationId, userId: user.userId });
    expect(mailbox.deletionDueAt).toBeInstanceOf(Date);

    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await failure(caller.mailboxes.updateQuota({ organizationId: org.organizationId, userId: unknown, quotaMb: 10 }))).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'USER.NOT_FOUND',
    });
  });
});

describe('usage report (POST /api/mail-server/usage)', () => {
  it('records usage by primary address or alias and names the addresses it does not know', async () => {
    const alice = await newUser();
    const bob = await newUser();
    const caller = callerFor(deps, op.actor);
    await caller.users.addAlias({ organizationId: org.organizationId, entityId: bob.userId, localPart: 'bobby', domain: org.domain });
    const r = await report({
      reports: [
        { address: alice.email.toUpperCase(), usageBytes: 5 * MB },
        { address: `bobby@${org.domain}`, usageBytes: 7 * MB },
        { address: `nobody@${org.domain}`, usageBytes: 1 },
      ],
    });
    expect(r).toMatchObject({ status: 200, body: { recorded: 2, unknown: [`nobody@${org.domain}`] } });
    const mailbox = await caller.mailboxes.get({ organizationId: org.organizationId, userId: alice.userId });
    expect(mailbox).toMatchObject({ usageBytes: 5 * MB, usageMb: 5, usageState: 'ok', usageReportedAt: deps.clock() });
    expect((await caller.mailboxes.get({ organizationId: org.organizationId, userId: bob.userId })).usageBytes).toBe(7 * MB);
  });

  it('records sizes past 32 bits exactly (a 50 GB mailbox reported byte for byte)', async () => {
    const user = await newUser();
    const usageBytes = 50 * 1024 * MB + 12_345;
    expect(await report({ reports: [{ address: user.email, usageBytes }] })).toMatchObject({ status: 200, body: { recorded: 1 } });
    expect((await callerFor(deps, op.actor).mailboxes.get({ organizationId: org.organizationId, userId: user.userId })).usageBytes).toBe(usageBytes);
  });

  it('takes the last report when one mailbox is named twice in a request', async () => {
    const user = await newUser();
    await caller().mailboxes.updateQuota({ organizationId: org.organizationId, userId: user.userId, quotaMb: 100 });
    await reportUsage(user.email, 0);
    const r = await report({ reports: [{ address: user.email, usageBytes: 95 * MB }, { address: user.email, usageBytes: 10 * MB }] });
    expect(r.body).toEqual({ recorded: 1, unknown: [] });
    expect((await caller().mailboxes.get({ organizationId: org.organizationId, userId: user.userId })).usageBytes).toBe(10 * MB);
    expect(await noticesTo(user.email)).toHaveLength(0);
  });

  it('requires the mail-server token, compared exactly', async () => {
    const body = { reports: [{ address: 'a@example.com', usageBytes: 1 }] };
    for (const token of [null, 'wrong', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const r = await report(body, { token });
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(r.body).toMatchObject({ status: 'error', code: 'AUTH.REQUIRED' });
    }
  });

  it('does not exist without MAILYARD_MAIL_SERVER_TOKEN', async () => {
    const off = await startTestServer({ ...deps, config: { ...deps.config, MAILYARD_MAIL_SERVER_TOKEN: undefined } }, { worker: false });
    try {
      const r = await report({ reports: [{ address: 'a@example.com', usageBytes: 1 }] }, { url: off.url });
      expect(r).toMatchObject({ status: 404, body: { code: 'DISABLED', message: expect.stringContaining('MAILYARD_MAIL_SERVER_TOKEN') } });
    } finally {
      await off.close();
    }
  });

  it.each([
    ['no reports', { reports: [] }, 'reports', /at least one/],
    ['1001 reports', { reports: Array.from({ length: 1001 }, (_, i) => ({ address: `u${i}@example.com`, usageBytes: 1 })) }, 'reports', /at most 1000/],
    ['negative usage', { reports: [{ address: 'a@example.com', usageBytes: -1 }] }, 'reports.0.usageBytes', /negative/],
    ['fractional usage', { reports: [{ address: 'a@example.com', usageBytes: 1.5 }] }, 'reports.0.usageBytes', /whole number/],
    ['a bad address', { reports: [{ address: 'not an address', usageBytes: 1 }] }, 'reports.0.address', /./],
    ['a user id instead of an address', { reports: [{ userId: '00000000-0000-4000-8000-000000000000', usageBytes: 1 }] }, 'reports.0.address', /by its address/],
    ['no body object', ['x'], '_', /./],
  ])('refuses %s with 400 naming the field', async (_, body, field, rule) => {
    const r = await report(body);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ status: 'error', code: 'VALIDATION' });
    expect((r.body.fieldErrors as Record<string, string[]>)[field]![0]).toMatch(rule);
  });

  it('accepts 1000 reports in one request', async () => {
    const user = await newUser();
    const reports = Array.from({ length: 1000 }, (_, i) => ({ address: i === 999 ? user.email : `ghost${i}@${org.domain}`, usageBytes: i }));
    const r = await report({ reports });
    expect(r.status).toBe(200);
    expect(r.body.recorded).toBe(1);
    expect((r.body.unknown as string[]).length).toBe(999);
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const response = await fetch(`${server.url}/api/mail-server/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: '{"reports": [',
    });
    expect(response.status).toBe(400);
  });
});

const caller = () => callerFor(deps, op.actor);

describe('the 90 % notice', () => {
  it('is sent exactly once per upward crossing', async () => {
    const user = await newUser();
    await caller().mailboxes.updateQuota({ organizationId: org.organizationId, userId: user.userId, quotaMb: 100 });

    await reportUsage(user.email, 50 * MB);
    expect(await noticesTo(user.email)).toHaveLength(0);

    await reportUsage(user.email, 90 * MB); // exactly 90 %: crossed
    const [first] = await noticesTo(user.email);
    expect(first).toMatchObject({ subject: 'Your mailbox is almost full', state: 'queued' });
    expect(first!.body).toContain(`Your mailbox ${user.email} uses 90 MB of its 100 MB quota (90 %).`);
    const mailbox = await caller().mailboxes.get({ organizationId: org.organizationId, userId: user.userId });
    expect(mailbox).toMatchObject({ usageState: 'warning', quotaWarningSentAt: deps.clock() });

    await reportUsage(user.email, 95 * MB); // stays above: no second notice
    await reportUsage(user.email, 120 * MB);
    expect(await noticesTo(user.email)).toHaveLength(1);
    expect((await caller().mailboxes.get({ organizationId: org.organizationId, userId: user.userId })).usageState).toBe('full');

    await reportUsage(user.email, 80 * MB); // below again: re-armed
    expect((await caller().mailboxes.get({ organizationId: org.organizationId, userId: user.userId })).quotaWarningSentAt).toBeNull();
    expect(await noticesTo(user.email)).toHaveLength(1);

    await reportUsage(user.email, 99 * MB); // up again: the second notice
    expect(await noticesTo(user.email)).toHaveLength(2);

    const events = await caller().activity.list({ organizationId: org.organizationId, targetId: user.userId, action: 'mailbox.quota_warning' });
    expect(events.items).toHaveLength(2);
    expect(events.items[0]).toMatchObject({ actorType: 'system', actorLabel: 'Mailyard', after: expect.objectContaining({ to: user.email }) });
  });

  it('is sent once when two reports race across the line', async () => {
    const user = await newUser();
    await caller().mailboxes.updateQuota({ organizationId: org.organizationId, userId: user.userId, quotaMb: 100 });
    await Promise.all([reportUsage(user.email, 95 * MB), reportUsage(user.email, 96 * MB), reportUsage(user.email, 97 * MB)]);
    expect(await noticesTo(user.email)).toHaveLength(1);
  });

  it('is re-evaluated when the quota changes', async () => {
    const user = await newUser();
    await reportUsage(user.email, 50 * MB);
    await caller().mailboxes.updateQuota({ organizationId: org.organizationId, userId: user.userId, quotaMb: 55 }); // 50 of 55 MB ≥ 90 %
    expect(await noticesTo(user.email)).toHaveLength(1);
    await caller().mailboxes.updateQuota({ organizationId: org.organizationId, userId: user.userId, quotaMb: 54 }); // still above: nothing new
    expect(await noticesTo(user.email)).toHaveLength(1);
    await caller().mailboxes.updateQuota({ organizationId: org.organizationId, userId: user.userId, quotaMb: 100 }); // below: re-armed
    expect((await caller().mailboxes.get({ organizationId: org.organizationId, userId: user.userId })).quotaWarningSentAt).toBeNull();
    await caller().mailboxes.updateQuota({ organizationId: org.organizationId, userId: user.userId, quotaMb: 50 });
    expect(await noticesTo(user.email)).toHaveLength(2);
  });

  it('is not sent to a disabled user, and goes out on the first report after the user is enabled again', async () => {
    const user = await newUser();
    await caller().mailboxes.updateQuota({ organizationId: org.organizationId, userId: user.userId, quotaMb: 100 });
    await caller().users.disable({ organizationId: org.organizationId, userIds: [user.userId] });
    await reportUsage(user.email, 95 * MB);
    expect(await noticesTo(user.email)).toHaveLength(0);
    await caller().users.enable({ organizationId: org.organizationId, users: [{ userId: user.userId, email: user.email }] });
    await reportUsage(user.email, 95 * MB);
    expect(await noticesTo(user.email)).toHaveLength(1);
  });
});

describe('tenant isolation', () => {
  it('an operator of another account gets NOT_FOUND for every mailbox call', async () => {
    const user = await newUser();
    const intruder = callerFor(deps, other.actor);
    const ref = { organizationId: org.organizationId, userId: user.userId };
    for (const call of [() => intruder.mailboxes.get(ref), () => intruder.mailboxes.updateQuota({ ...ref, quotaMb: 10 })]) {
      expect(await failure(call())).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ORGANIZATION.NOT_FOUND' });
    }
    // Nor can it reach the mailbox through its own organization.
    const own = await createActiveOrganization(deps, other.actor);
    expect(await failure(intruder.mailboxes.get({ organizationId: own.organizationId, userId: user.userId }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
