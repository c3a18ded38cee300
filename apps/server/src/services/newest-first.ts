import { fail } from '@mailyard/core/errors';
import { decodeCursor, encodeCursor, type Page } from '@mailyard/core/pagination';

/**
 * Keyset paging of append-only lists read newest first on `(created_at, id)` with a numeric id: audit events and
 * the outbox. Query one row more than the page to know whether another page follows.
 */
export function newestFirstAfter(scope: string, cursor: string | undefined): [string, number] | null {
  if (!cursor) return null;
  const key = decodeCursor(scope, cursor);
  if (!key || typeof key[0] !== 'string' || Number.isNaN(Date.parse(key[0])) || !Number.isSafeInteger(key[1])) {
    fail('VALIDATION', 'The page cursor is invalid or belongs to another list.', { field: 'cursor' });
  }
  return [key[0], key[1] as number];
}

export function newestFirstPage<T extends { createdAt: Date; id: number }>(scope: string, rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(scope, [last.createdAt.toISOString(), last.id]) : null };
}
