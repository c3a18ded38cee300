import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';
import { VerifiedPasswordCache } from './verified-passwords.ts';

const PASSWORD = 'Device-Password-2026';

/** A cache on a clock the test moves, in front of the real argon2 check, counting the checks that reached argon2. */
function cacheUnderTest(options: { ttlMs: number; maxEntries?: number }) {
  let now = 0;
  const argon2 = { checks: 0 };
  const cache = new VerifiedPasswordCache({
    ...options,
    now: () => now,
    check: (encoded, password) => (argon2.checks++, verifyPassword(encoded, password)),
  });
  return { cache, argon2, advance: (ms: number) => (now += ms) };
}

describe('VerifiedPasswordCache', async () => {
  const stored = await hashPassword(PASSWORD);

  it('answers a pair it verified without argon2, until the TTL has passed', async () => {
    const { cache, argon2, advance } = cacheUnderTest({ ttlMs: 60_000 });
    expect(await cache.verify(stored, PASSWORD)).toBe(true);
    expect(await cache.verify(stored, PASSWORD)).toBe(true);
    advance(59_999);
    expect(await cache.verify(stored, PASSWORD)).toBe(true);
    expect(argon2.checks).toBe(1);
    advance(1); // a hit does not extend the entry: trusted for ttlMs after the check, then checked again
    expect(await cache.verify(stored, PASSWORD)).toBe(true);
    expect(argon2.checks).toBe(2);
    expect(cache.size).toBe(1);
  });

  it('never keeps a wrong password, and a right one does not vouch for another', async () => {
    const { cache, argon2 } = cacheUnderTest({ ttlMs: 60_000 });
    expect(await cache.verify(stored, 'Wrong-Password-1')).toBe(false);
    expect(cache.size).toBe(0);
    expect(await cache.verify(stored, PASSWORD)).toBe(true);
    expect(await cache.verify(stored, 'Wrong-Password-1')).toBe(false);
    expect(await cache.verify(stored, `${PASSWORD} `)).toBe(false);
    expect(argon2.checks).toBe(4); // every wrong password paid for a full check
  });

  it('misses when the stored hash changed (a new password): the old one is checked against the new hash and refused', async () => {
    const { cache, argon2 } = cacheUnderTest({ ttlMs: 60_000 });
    expect(await cache.verify(stored, PASSWORD)).toBe(true);
    const changed = await hashPassword('Another-Password-2026');
    expect(await cache.verify(changed, PASSWORD)).toBe(false);
    expect(await cache.verify(changed, 'Another-Password-2026')).toBe(true);
    expect(argon2.checks).toBe(3);
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const { cache, argon2 } = cacheUnderTest({ ttlMs: 60_000, maxEntries: 2 });
    const passwords = ['One-Password-2026', 'Two-Password-2026', 'Three-Password-2026'];
    const [one, two, three] = await Promise.all(passwords.map(hashPassword));
    await cache.verify(one!, passwords[0]!);
    await cache.verify(two!, passwords[1]!);
    await cache.verify(one!, passwords[0]!); // a hit: now the most recently used
    await cache.verify(three!, passwords[2]!); // evicts Two
    expect([cache.size, argon2.checks]).toEqual([2, 3]);
    await cache.verify(one!, passwords[0]!);
    await cache.verify(three!, passwords[2]!);
    expect(argon2.checks).toBe(3);
    await cache.verify(two!, passwords[1]!);
    expect(argon2.checks).toBe(4);
  });

  it('is off at ttlMs 0: every check is argon2, nothing kept', async () => {
    const { cache, argon2 } = cacheUnderTest({ ttlMs: 0 });
    expect(await cache.verify(stored, PASSWORD)).toBe(true);
    expect(await cache.verify(stored, PASSWORD)).toBe(true);
    expect(cache.remembers(stored, PASSWORD)).toBe(false);
    expect([cache.size, argon2.checks]).toEqual([0, 2]);
  });

  it('says whether it remembers a pair without ever checking one itself', async () => {
    const { cache, argon2, advance } = cacheUnderTest({ ttlMs: 60_000 });
    expect(cache.remembers(stored, PASSWORD)).toBe(false);
    await cache.verify(stored, PASSWORD);
    expect([cache.remembers(stored, PASSWORD), cache.remembers(stored, 'Wrong-Password-1'), cache.remembers(await hashPassword(PASSWORD), PASSWORD)]).toEqual([true, false, false]);
    advance(60_000);
    expect(cache.remembers(stored, PASSWORD)).toBe(false);
    expect(argon2.checks).toBe(1);
  });
});
