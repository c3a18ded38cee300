import { describe, expect, it } from 'vitest';
import {
  BYTES_PER_MB,
  DEFAULT_QUOTA_MB,
  isAboveWarning,
  MailServerUsageReport,
  MAX_QUOTA_MB,
  MAX_USAGE_REPORTS,
  MIN_QUOTA_MB,
  QUOTA_WARNING_RATIO,
  quotaChangeRefusal,
  quotaCrossing,
  quotaRefusal,
  quotaWarningNotice,
  quotaWarningStep,
  quotaSchema,
  UpdateQuotaInput,
  UsageReportInput,
  usageMb,
  usageState,
} from './index.ts';

const MESSAGE = 'Mailbox quota must be a whole number from 1 to 51,200 MB.';
const MB = BYTES_PER_MB;

describe('quota bounds', () => {
  it('has the seed figures', () => {
    expect([MIN_QUOTA_MB, MAX_QUOTA_MB, DEFAULT_QUOTA_MB, QUOTA_WARNING_RATIO]).toEqual([1, 51200, 51200, 0.9]);
  });

  it.each([1, 2, 1024, 51199, 51200])('accepts %s', (q) => {
    expect(quotaSchema.parse(q)).toBe(q);
    expect(quotaRefusal(q)).toBeNull();
  });

  it.each([0, -1, 51201, 1.5, 0.5, NaN, Infinity])('refuses %s with the range in the message', (q) => {
    expect(quotaSchema.safeParse(q).error!.issues.map((i) => i.message)).toEqual([MESSAGE]);
    expect(quotaRefusal(q)).toMatchObject({ code: 'MAILBOX.QUOTA_RANGE', message: MESSAGE, details: { min: 1, max: 51200 } });
  });

  it('refuses a string', () => {
    expect(quotaSchema.safeParse('100').error!.issues[0]!.message).toBe(MESSAGE);
  });

  it('UpdateQuotaInput', () => {
    const base = { organizationId: 'm-' + 'a'.repeat(32), userId: '0b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c' };
    expect(UpdateQuotaInput.parse({ ...base, quotaMb: 100 }).quotaMb).toBe(100);
    expect(UpdateQuotaInput.safeParse({ ...base, quotaMb: 51201 }).error!.issues[0]).toMatchObject({ path: ['quotaMb'], message: MESSAGE });
  });
});

describe('90 % warning', () => {
  const quota = 100; // MB; 90 MB is the line
  const line = 90 * MB;

  it('is exact at the line, even for the largest quota', () => {
    expect(isAboveWarning(line - 1, quota)).toBe(false);
    expect(isAboveWarning(line, quota)).toBe(true);
    expect(isAboveWarning(48318382080 - 1, 51200)).toBe(false);
    expect(isAboveWarning(48318382080, 51200)).toBe(true);
  });

  it.each([
    ['below → below', 0, line - 1, null],
    ['below → at the line', line - 1, line, 'crossed_up'],
    ['below → above', 10 * MB, 95 * MB, 'crossed_up'],
    ['below → over quota', 0, 200 * MB, 'crossed_up'],
    ['above → above', line, 99 * MB, null],
    ['above → further above', 95 * MB, 150 * MB, null],
    ['above → below', 95 * MB, line - 1, 'crossed_down'],
    ['at the line → 0', line, 0, 'crossed_down'],
    ['unchanged below', 5 * MB, 5 * MB, null],
    ['unchanged above', 95 * MB, 95 * MB, null],
  ] as const)('%s: %s', (_, prev, next, expected) => {
    expect(quotaCrossing(prev, next, quota)).toBe(expected);
  });

  it('notifies once per crossing over a sequence of reports', () => {
    const reports = [10, 89, 91, 92, 95, 80, 85, 90, 99, 100, 50];
    let prev = 0;
    const events: string[] = [];
    for (const mb of reports) {
      const crossing = quotaCrossing(prev * MB, mb * MB, quota);
      if (crossing) events.push(`${crossing}@${mb}`);
      prev = mb;
    }
    expect(events).toEqual(['crossed_up@91', 'crossed_down@80', 'crossed_up@90', 'crossed_down@50']);
  });

  it.each([
    [0, 'ok'],
    [line - 1, 'ok'],
    [line, 'warning'],
    [100 * MB - 1, 'warning'],
    [100 * MB, 'full'],
    [150 * MB, 'full'],
  ] as const)('usageState(%s bytes of 100 MB) = %s', (usage, state) => {
    expect(usageState(usage, quota)).toBe(state);
  });

  it('usageMb', () => {
    expect(usageMb(MB * 1.5)).toBe(1.5);
  });
});

describe('UsageReportInput', () => {
  it('names the mailbox by address or by user id', () => {
    expect(UsageReportInput.parse({ address: 'Alice@Example.com', usageBytes: 0 })).toEqual({ address: 'alice@example.com', usageBytes: 0 });
    expect(UsageReportInput.safeParse({ userId: '0b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c', usageBytes: 5 }).success).toBe(true);
  });

  it('refuses neither or both', () => {
    expect(UsageReportInput.safeParse({ usageBytes: 5 }).success).toBe(false);
    expect(
      UsageReportInput.safeParse({ address: 'a@example.com', userId: '0b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c', usageBytes: 5 }).success,
    ).toBe(false);
  });

  it.each([-1, 1.5, NaN])('refuses usage %s', (usageBytes) => {
    expect(UsageReportInput.safeParse({ address: 'a@example.com', usageBytes }).success).toBe(false);
  });
});

describe('quotaWarningStep (one notice per crossing, against what was sent)', () => {
  const line = 90 * MB;
  it.each([
    [false, line - 1, null],
    [false, line, 'notify'],
    [true, line, null],
    [true, 200 * MB, null],
    [true, line - 1, 'rearm'],
    [false, 0, null],
  ] as const)('sent=%s, usage %s bytes of 100 MB → %s', (sent, usage, step) => {
    expect(quotaWarningStep(sent, usage, 100)).toBe(step);
  });
  it('agrees with quotaCrossing when the flag follows usage', () => {
    for (const [prev, next] of [[0, 95], [95, 96], [95, 10], [10, 20]] as const) {
      const crossing = quotaCrossing(prev * MB, next * MB, 100);
      const step = quotaWarningStep(isAboveWarning(prev * MB, 100), next * MB, 100);
      expect(step).toBe(crossing === 'crossed_up' ? 'notify' : crossing === 'crossed_down' ? 'rearm' : null);
    }
  });
  it('covers a quota change: usage fixed, the line moves', () => {
    expect(quotaWarningStep(false, 50 * MB, 55)).toBe('notify');
    expect(quotaWarningStep(true, 50 * MB, 100)).toBe('rearm');
  });
});

describe('quotaChangeRefusal', () => {
  it('allows an enabled user, refuses a disabled or deleted one', () => {
    expect(quotaChangeRefusal({ name: 'a', state: 'ENABLED' })).toBeNull();
    expect(quotaChangeRefusal({ name: 'a', state: 'DISABLED' })).toMatchObject({ code: 'USER.INVALID_STATE', message: expect.stringMatching(/disabled/) });
    expect(quotaChangeRefusal({ name: 'a', state: 'DELETED' })).toMatchObject({ code: 'USER.INVALID_STATE', message: expect.stringMatching(/deleted/) });
  });
});

describe('quotaWarningNotice', () => {
  it('states the address, the usage, the quota and the percentage', () => {
    const n = quotaWarningNotice({ displayName: 'Alice', address: 'alice@example.com', usageBytes: 46080 * MB, quotaMb: 51200 });
    expect(n.subject).toBe('Your mailbox is almost full');
    expect(n.body).toContain('Hello Alice,');
    expect(n.body).toContain('Your mailbox alice@example.com uses 46,080 MB of its 51,200 MB quota (90 %).');
  });
  it('says full at or over the quota', () => {
    expect(quotaWarningNotice({ displayName: 'A', address: 'a@example.com', usageBytes: 150 * MB, quotaMb: 100 }).subject).toBe('Your mailbox is full');
  });
});

describe('MailServerUsageReport', () => {
  const one = { address: 'a@example.com', usageBytes: 1 };
  it('takes 1 to 1000 address-named reports', () => {
    expect(MailServerUsageReport.safeParse({ reports: [one] }).success).toBe(true);
    expect(MailServerUsageReport.safeParse({ reports: Array(MAX_USAGE_REPORTS).fill(one) }).success).toBe(true);
    expect(MailServerUsageReport.safeParse({ reports: Array(MAX_USAGE_REPORTS + 1).fill(one) }).error!.issues[0]!.message).toBe(
      'Send at most 1000 reports per request.',
    );
    expect(MailServerUsageReport.safeParse({ reports: [] }).error!.issues[0]!.message).toBe('Send at least one report.');
  });
  it('names each bad report by its position', () => {
    const issues = MailServerUsageReport.safeParse({ reports: [one, { userId: '0b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c', usageBytes: 1 }] }).error!.issues;
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reports.1.address', 'Name the mailbox by its address.']]);
  });
});
