import type { z } from 'zod';
import { fail } from '@mailyard/core/errors';
import { decodeCursor, encodeCursor, type Page } from '@mailyard/core/pagination';

/**
 * The keyset position a page cursor carries, or `null` for the first page. A cursor that is malformed, or was
 * issued for another list or other filters (its `scope`), is refused naming `cursor`; `key` also keeps a forged
 * value from reaching SQL (an id that is not a UUID).
 */
export function cursorKey<K>(scope: string, cursor: string | undefined, key: z.ZodType<K>): K | null {
  if (cursor === undefined) return null;
  const parsed = key.safeParse(decodeCursor(scope, cursor));
  if (!parsed.success) fail('VALIDATION', 'The page cursor is invalid or belongs to another list.', { field: 'cursor' });
  return parsed.data;
}

/** A page from `limit + 1` rows: the extra row only tells that another page follows. */
export function pageOf<T>(rows: T[], limit: number, scope: string, keyOf: (row: T) => unknown[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(scope, keyOf(last)) : null };
}
