import { and, gte, lt, type SQL } from 'drizzle-orm';

/**
 * The half-open range `[low, high)` of lower-cased strings that start with `prefix`, for a prefix search that an
 * index on `lower(x) COLLATE "C"` answers with a range scan (a `LIKE` with a parameter is re-planned on each call
 * and cannot serve the ORDER BY). "C" compares code points, so the bound is the prefix with its last code point
 * incremented; `high` is `null` when there is none (a prefix ending in U+10FFFF).
 */
export function prefixRange(prefix: string): { low: string; high: string | null } {
  const low = prefix.toLowerCase();
  const chars = [...low];
  while (chars.length > 0) {
    const last = chars.pop()!.codePointAt(0)!;
    // Skip the surrogate block: lone surrogates are not valid in a PostgreSQL text value.
    const next = last === 0xd7ff ? 0xe000 : last + 1;
    if (next <= 0x10ffff) return { low, high: chars.join('') + String.fromCodePoint(next) };
  }
  return { low, high: null };
}

/** `key` starts with `prefix`, without case: a range over the index on `key` (a `lower(x) COLLATE "C"` expression). */
export function startsWithPrefix(key: SQL, prefix: string): SQL {
  const { low, high } = prefixRange(prefix);
  return high === null ? gte(key, low) : and(gte(key, low), lt(key, high))!;
}
