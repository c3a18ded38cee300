import type { DkimKeyState, DnsRecord } from './records.ts';

/** WorkMail's DnsRecordVerificationStatus, for ownership and for DKIM. */
export const verificationStatuses = ['PENDING', 'VERIFIED', 'FAILED'] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

/**
 * What DNS answered for one record's name: the values found (TXT strings joined, MX exchanges, CNAME targets),
 * or that there is no such record, or that DNS could not be asked (timeout, refused: nothing to conclude).
 */
export type DnsAnswer = { ok: true; values: string[] } | { ok: false; error: 'none' | 'unreachable'; detail: string };

export type CheckResult = 'found' | 'missing' | 'mismatch' | 'unreachable';

/** One record as the last check saw it, shown beside it in the console. */
export interface RecordCheck {
  purpose: DnsRecord['purpose'];
  hostname: string;
  selector?: string;
  keyState?: DkimKeyState;
  result: CheckResult;
  /** What to do about it, in words; null when found. */
  reason: string | null;
}

type Verdict = Pick<RecordCheck, 'result' | 'reason'>;

const FOUND: Verdict = { result: 'found', reason: null };
const sameHost = (a: string, b: string) => a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();
/** `v=DKIM1; k=rsa; p=…` as tags, values without the spaces long TXT values pick up when split. */
const tags = (value: string) =>
  new Map(
    value.split(';').map((tag) => {
      const eq = tag.indexOf('=');
      return [tag.slice(0, eq < 0 ? undefined : eq).trim().toLowerCase(), eq < 0 ? '' : tag.slice(eq + 1).replace(/\s+/g, '')] as const;
    }),
  );

function judge(record: DnsRecord, values: string[]): Verdict {
  const at = `${record.type} record at ${record.hostname}`;
  const missing: Verdict = { result: 'missing', reason: `No ${at}.` };
  const mismatch = (reason: string): Verdict => (values.length === 0 ? missing : { result: 'mismatch', reason });
  switch (record.purpose) {
    case 'ownership':
      return values.includes(record.value) ? FOUND : mismatch(`The ${at} holds a different value: publish "${record.value}".`);
    case 'mx': {
      const host = record.value.split(' ')[1]!;
      return values.some((v) => sameHost(v, host)) ? FOUND : mismatch(`The MX of ${record.hostname} points to ${values.join(', ')}, not to ${host}.`);
    }
    case 'spf': {
      const spf = values.filter((v) => /^v=spf1(\s|$)/i.test(v));
      if (spf.length === 0) return { result: 'missing', reason: `No SPF record (TXT "v=spf1 …") at ${record.hostname}.` };
      if (spf.length > 1) return { result: 'mismatch', reason: `${record.hostname} has ${spf.length} SPF records, so receivers ignore them all (RFC 7208): merge them into one.` };
      return /\s\+?mx(\s|$|[:/])/i.test(` ${spf[0]}`) ? FOUND : { result: 'mismatch', reason: `The SPF record of ${record.hostname} does not allow Mailyard's mail servers: add "mx" to it.` };
    }
    case 'dkim': {
      const keys = values.map(tags).filter((t) => t.has('p'));
      if (keys.length === 0) return mismatch(`The ${at} is not a DKIM key record: publish "${record.value}".`);
      if (keys.some((t) => t.get('p') === tags(record.value).get('p'))) return FOUND;
      if (keys.every((t) => t.get('p') === '')) return { result: 'mismatch', reason: `The DKIM record at ${record.hostname} revokes the key (empty p=): publish the key shown.` };
      return { result: 'mismatch', reason: `The DKIM record at ${record.hostname} holds a different key: replace it with the one shown.` };
    }
    case 'dmarc':
      return values.some((v) => /^v=DMARC1(;|\s|$)/i.test(v)) ? FOUND : mismatch(`The ${at} is not a DMARC policy (it must start with "v=DMARC1").`);
    case 'autodiscover':
      return values.some((v) => sameHost(v, record.value)) ? FOUND : mismatch(`${record.hostname} points to ${values.join(', ')}, not to ${record.value}.`);
  }
}

/** The record's answer judged: found, missing (saying where), or holding something else (saying what to change). */
export function checkRecord(record: DnsRecord, answer: DnsAnswer): RecordCheck {
  const base = { purpose: record.purpose, hostname: record.hostname, ...(record.selector ? { selector: record.selector, keyState: record.keyState } : {}) };
  if (answer.ok) return { ...base, ...judge(record, answer.values) };
  if (answer.error === 'none') return { ...base, result: 'missing', reason: `No ${record.type} record at ${record.hostname}.` };
  return { ...base, result: 'unreachable', reason: `DNS could not be asked about ${record.hostname} (${answer.detail}); the check will be repeated.` };
}

/**
 * The status after a check saw `result`: found verifies; another value fails (it needs fixing); a record that
 * vanished fails a verified status but leaves a pending one pending (not published yet); DNS that could not be
 * asked changes nothing.
 */
export function nextStatus(current: VerificationStatus, result: CheckResult): VerificationStatus {
  switch (result) {
    case 'found':
      return 'VERIFIED';
    case 'mismatch':
      return 'FAILED';
    case 'missing':
      return current === 'VERIFIED' ? 'FAILED' : current;
    case 'unreachable':
      return current;
  }
}
