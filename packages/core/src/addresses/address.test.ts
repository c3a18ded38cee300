import { describe, expect, it } from 'vitest';
import {
  addressProblems,
  domainProblems,
  emailAddressSchema,
  isValidAddress,
  joinAddress,
  localPartProblems,
  normalizeAddress,
  splitAddress,
} from './address.ts';

describe('localPartProblems', () => {
  it.each(['a', 'john.doe', 'j_doe', 'a+tag', 'x%y', 'first-last', 'A1', 'a'.repeat(64)])('accepts %s', (lp) => {
    expect(localPartProblems(lp)).toEqual([]);
  });

  it.each([
    ['empty', '', /before the @/],
    ['65 characters', 'a'.repeat(65), /at most 64 characters \(it has 65\)/],
    ['a space', 'john doe', /only letters/],
    ['an @', 'a@b', /only letters/],
    ['a non-ASCII letter', 'josé', /only letters/],
    ['a quote', '"a"', /only letters/],
    ['a leading dot', '.john', /dot/],
    ['a trailing dot', 'john.', /dot/],
    ['two dots', 'john..doe', /two dots/],
  ])('refuses %s', (_, lp, message) => {
    const problems = localPartProblems(lp);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('names every broken rule', () => {
    expect(localPartProblems('.a b' + 'c'.repeat(64))).toHaveLength(3);
  });
});

describe('domainProblems', () => {
  it.each(['example.com', 'mail.example.co.uk', 'a-b.example.org', 'x1.io', 'EXAMPLE.COM'])('accepts %s', (d) => {
    expect(domainProblems(d)).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['one label', 'localhost'],
    ['a leading dot', '.example.com'],
    ['a trailing dot', 'example.com.'],
    ['two dots', 'example..com'],
    ['an underscore', 'ex_ample.com'],
    ['a leading hyphen', '-example.com'],
    ['a trailing hyphen', 'example-.com'],
    ['a one-letter TLD', 'example.c'],
    ['a numeric TLD', 'example.123'],
    ['a TLD with a digit', 'example.c0m'],
    ['a 64-character label', `${'a'.repeat(64)}.com`],
    ['a non-ASCII letter', 'exämple.com'],
  ])('refuses %s', (_, d) => {
    expect(domainProblems(d).length).toBeGreaterThan(0);
  });
});

describe('addressProblems', () => {
  it('accepts an ordinary address', () => {
    expect(addressProblems('john.doe+tag@mail.example.com')).toEqual([]);
  });

  it('needs an @', () => {
    expect(addressProblems('john.example.com')).toEqual([expect.stringMatching(/needs an @/)]);
  });

  it('refuses two @', () => {
    expect(addressProblems('a@b@example.com')).toEqual([expect.stringMatching(/only letters/)]);
  });

  it('accepts 254 characters and refuses 255', () => {
    const domain = (len: number) => `${'a'.repeat(len - 4 - 2 * 62)}.${'b'.repeat(61)}.${'c'.repeat(61)}.com`;
    const at254 = `${'x'.repeat(64)}@${domain(254 - 65)}`;
    expect(at254).toHaveLength(254);
    expect(addressProblems(at254)).toEqual([]);
    const at255 = `${'x'.repeat(64)}@${domain(255 - 65)}`;
    expect(at255).toHaveLength(255);
    expect(addressProblems(at255)).toEqual([expect.stringMatching(/at most 254 characters \(it has 255\)/)]);
  });

  it('combines local-part and domain problems', () => {
    expect(addressProblems('.a@example')).toHaveLength(2);
  });
});

describe('emailAddressSchema', () => {
  it('trims and lower-cases', () => {
    expect(emailAddressSchema.parse('  John.Doe@Example.COM ')).toBe('john.doe@example.com');
  });

  it('reports each problem as an issue', () => {
    const issues = emailAddressSchema.safeParse('.john@example').error!.issues;
    expect(issues.map((i) => i.message)).toEqual(addressProblems('.john@example'));
  });

  it('refuses an empty address', () => {
    expect(emailAddressSchema.safeParse('   ').error!.issues[0]!.message).toBe('Email address is required.');
  });
});

describe('helpers', () => {
  it('normalizeAddress trims and lower-cases', () => {
    expect(normalizeAddress(' A@B.Com ')).toBe('a@b.com');
  });

  it('splitAddress splits at the last @', () => {
    expect(splitAddress('john@example.com')).toEqual({ localPart: 'john', domain: 'example.com' });
    expect(splitAddress('a@b@example.com')).toEqual({ localPart: 'a@b', domain: 'example.com' });
    expect(splitAddress('nope')).toBeNull();
  });

  it('joinAddress joins and normalizes', () => {
    expect(joinAddress(' Sales ', 'Example.com')).toBe('sales@example.com');
  });

  it('isValidAddress', () => {
    expect(isValidAddress(' Sales@Example.com')).toBe(true);
    expect(isValidAddress('sales@example')).toBe(false);
  });
});
