import { describe, expect, it } from 'vitest';
import { displayDomain, parseMailDomainName, testSuffixProblem } from './names.ts';

const ascii = (raw: string) => {
  const r = parseMailDomainName(raw);
  return r.ok ? r.name.ascii : r.problems;
};

describe('parseMailDomainName', () => {
  it.each([
    ['example.com', 'example.com', 'example.com'],
    ['  Example.COM.  ', 'example.com', 'example.com'],
    ['mail.example.co.uk', 'mail.example.co.uk', 'mail.example.co.uk'],
    ['Bücher.de', 'xn--bcher-kva.de', 'bücher.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de', 'bücher.de'],
    ['例え.jp', 'xn--r8jz45g.jp', '例え.jp'],
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai', 'пример.рф'],
    ['me.github.io', 'me.github.io', 'me.github.io'],
    ['a-b.example.com', 'a-b.example.com', 'a-b.example.com'],
  ])('accepts %s as %s (shown %s)', (raw, a, u) => {
    expect(parseMailDomainName(raw)).toEqual({ ok: true, name: { ascii: a, unicode: u } });
  });

  it.each([
    ['', /Enter a domain name/],
    ['   ', /Enter a domain name/],
    ['exa mple.com', /spaces/],
    ['example..com', /two dots in a row/],
    ['.example.com', /start with a dot/],
    ['example', /at least two parts/],
    ['-example.com', /start and end with a letter or digit/],
    ['example-.com', /start and end with a letter or digit/],
    ['ex--ample.com', /IDNA/],
    ['xn--zz.com', /IDNA/],
    [`${'a'.repeat(64)}.com`, /at most 63 characters/],
    [`${Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')}.com`, /at most 253 characters/],
    ['jane@example.com', /no @/],
    ['http://example.com', /no @, \/, :/],
    ['example.com/path', /no @, \//],
    ['exa_mple.com', /_/],
    ['example.com;drop table', /symbols|spaces/],
    ["example.com'--", /symbols/],
    ['<script>.com', /symbols/],
    ['exam\u0000ple.com', /control characters/],
    ['exam\u200dple.com', /invisible/],
    ['exam\u200bple.com', /invisible/],
    ['127.0.0.1', /IP address|top-level/],
    ['com', /at least two parts/],
    ['co.uk', /public suffix/],
    ['github.io', /public suffix/],
    ['blogspot.com', /public suffix/],
    ['example.invalidtld', /not a known top-level domain/],
    ['localhost.localdomain', /not a known top-level domain/],
    ['раypal.com', /mixes Cyrillic and Latin/],
    ['аррӏе.com', /Cyrillic letters that look like Latin/],
    ['gοοgle.com', /mixes Latin and Greek|mixes Greek and Latin/],
    ['ехаmple.com', /mixes/],
    ['\u05d0a.com', /IDNA|mixes/],
  ])('refuses %j', (raw, message) => {
    const result = parseMailDomainName(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toMatch(message);
  });

  it('keeps Latin with Japanese kana and Han, as Japanese names are written', () => {
    expect(parseMailDomainName('abcカタカナ.jp')).toMatchObject({ ok: true, name: { unicode: 'abcカタカナ.jp' } });
    expect(ascii('abcカタカナ.jp')).toMatch(/^xn--abc-[a-z0-9]+\.jp$/);
  });
});

describe('testSuffixProblem', () => {
  it('refuses the test suffix and every name under it, and nothing else', () => {
    expect(testSuffixProblem('mailyard.test', 'mailyard.test')).toMatch(/free test domains/);
    expect(testSuffixProblem('acme.mailyard.test', 'mailyard.test')).toMatch(/free test domains/);
    expect(testSuffixProblem('notmailyard.test', 'mailyard.test')).toBeNull();
  });
});

describe('displayDomain', () => {
  it('shows A-labels as U-labels and leaves plain names alone', () => {
    expect(displayDomain('xn--bcher-kva.de')).toBe('bücher.de');
    expect(displayDomain('example.com')).toBe('example.com');
  });
});
