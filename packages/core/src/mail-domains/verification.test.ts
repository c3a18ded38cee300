import { describe, expect, it } from 'vitest';
import { domainRecords, dkimSelector, type DnsRecord } from './records.ts';
import { checkRecord, nextStatus, type DnsAnswer } from './verification.ts';

const records = domainRecords({
  domain: 'example.com',
  ownershipToken: 'abc123',
  mxHost: 'mx.mailyard.example',
  autodiscoverHost: 'mail.mailyard.example',
  dkimKeys: [
    { selector: 'mailyard-20261201-bbbb', publicKey: 'NEXTKEY', state: 'next' },
    { selector: 'mailyard-20261101-aaaa', publicKey: 'MIIBIjAN+KEY/1=', state: 'active' },
  ],
});
const record = (purpose: DnsRecord['purpose']) => records.find((r) => r.purpose === purpose)!;
const values = (...v: string[]): DnsAnswer => ({ ok: true, values: v });
const none: DnsAnswer = { ok: false, error: 'none', detail: 'ENOTFOUND' };

describe('domainRecords', () => {
  it('lists the records in publishing order, the active DKIM key before the next', () => {
    expect(records.map((r) => [r.type, r.hostname, r.value])).toEqual([
      ['TXT', '_mailyard.example.com', 'mailyard-verification=abc123'],
      ['MX', 'example.com', '10 mx.mailyard.example'],
      ['TXT', 'example.com', 'v=spf1 mx ~all'],
      ['TXT', 'mailyard-20261101-aaaa._domainkey.example.com', 'v=DKIM1; k=rsa; p=MIIBIjAN+KEY/1='],
      ['TXT', 'mailyard-20261201-bbbb._domainkey.example.com', 'v=DKIM1; k=rsa; p=NEXTKEY'],
      ['TXT', '_dmarc.example.com', 'v=DMARC1; p=none; rua=mailto:postmaster@example.com'],
      ['CNAME', 'autodiscover.example.com', 'mail.mailyard.example'],
    ]);
  });

  it('names selectors by day with a random tail', () => {
    expect(dkimSelector(new Date('2026-12-05T10:00:00Z'), '9f3a')).toBe('mailyard-20261205-9f3a');
  });
});

describe('checkRecord', () => {
  it('finds the ownership token among other TXT values, and says where it is missing', () => {
    expect(checkRecord(record('ownership'), values('other', 'mailyard-verification=abc123')).result).toBe('found');
    expect(checkRecord(record('ownership'), none)).toMatchObject({ result: 'missing', reason: 'No TXT record at _mailyard.example.com.' });
    expect(checkRecord(record('ownership'), values('mailyard-verification=old'))).toMatchObject({ result: 'mismatch', reason: expect.stringMatching(/different value: publish "mailyard-verification=abc123"/) });
  });

  it('matches a DKIM key whatever the spacing DNS splitting left, and tells a different or revoked key apart', () => {
    const dkim = record('dkim');
    expect(checkRecord(dkim, values('v=DKIM1; k=rsa; p=MIIBIjAN+ KEY/1=')).result).toBe('found');
    expect(checkRecord(dkim, values('v=DKIM1; k=rsa; p=OTHER'))).toMatchObject({ result: 'mismatch', reason: expect.stringMatching(/holds a different key/) });
    expect(checkRecord(dkim, values('v=DKIM1; p='))).toMatchObject({ result: 'mismatch', reason: expect.stringMatching(/revokes the key/) });
    expect(checkRecord(dkim, none)).toMatchObject({ result: 'missing', selector: 'mailyard-20261101-aaaa', keyState: 'active' });
  });

  it('checks MX and autodiscover hosts without case or trailing dot', () => {
    expect(checkRecord(record('mx'), values('MX.Mailyard.Example.')).result).toBe('found');
    expect(checkRecord(record('mx'), values('aspmx.l.google.com'))).toMatchObject({ result: 'mismatch', reason: expect.stringMatching(/points to aspmx.l.google.com, not to mx.mailyard.example/) });
    expect(checkRecord(record('autodiscover'), values('mail.mailyard.example')).result).toBe('found');
  });

  it('wants one SPF record that allows mx', () => {
    expect(checkRecord(record('spf'), values('google-site-verification=x', 'v=spf1 mx include:_spf.example.net -all')).result).toBe('found');
    expect(checkRecord(record('spf'), values('v=spf1 -all'))).toMatchObject({ result: 'mismatch', reason: expect.stringMatching(/add "mx"/) });
    expect(checkRecord(record('spf'), values('v=spf1 mx ~all', 'v=spf1 a ~all'))).toMatchObject({ result: 'mismatch', reason: expect.stringMatching(/2 SPF records/) });
    expect(checkRecord(record('spf'), values('unrelated')).result).toBe('missing');
  });

  it('accepts any DMARC policy (the published one is a suggestion)', () => {
    expect(checkRecord(record('dmarc'), values('v=DMARC1; p=reject')).result).toBe('found');
  });

  it('concludes nothing when DNS cannot be asked', () => {
    expect(checkRecord(record('ownership'), { ok: false, error: 'unreachable', detail: 'ETIMEOUT' })).toMatchObject({ result: 'unreachable', reason: expect.stringMatching(/ETIMEOUT.*repeated/) });
  });
});

describe('nextStatus', () => {
  it.each([
    ['PENDING', 'found', 'VERIFIED'],
    ['PENDING', 'missing', 'PENDING'],
    ['PENDING', 'mismatch', 'FAILED'],
    ['PENDING', 'unreachable', 'PENDING'],
    ['VERIFIED', 'missing', 'FAILED'],
    ['VERIFIED', 'unreachable', 'VERIFIED'],
    ['FAILED', 'found', 'VERIFIED'],
    ['FAILED', 'missing', 'FAILED'],
  ] as const)('%s seeing %s becomes %s', (current, result, next) => {
    expect(nextStatus(current, result)).toBe(next);
  });
});
