import { z } from 'zod';
import { entityId } from '@mailyard/core/entities';
import { text } from '@mailyard/core/text';
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

/** A timestamp as PostgreSQL writes it (`2026-01-31 12:00:00.123+00`) or ISO 8601. */
const timestamp = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;

/**
 * The shape of a keyset position for an order of `columns` (each text, or a timestamp), then the row's id: what a
 * cursor must carry before its values reach SQL (`id`: the shape of the row's id, a UUID unless said), so a forged one is refused rather than failing a cast.
 */
export function positionSchema(columns: readonly { type?: 'timestamptz' }[], id: z.ZodType<string> = entityId): z.ZodType<string[]> {
  // Built once per shape: building a zod schema on every list call was a few per cent of its server time.
  const key = columns.map((c) => c.type ?? 'text').join(',');
  const schemas = positionSchemas.get(id) ?? positionSchemas.set(id, new Map()).get(id)!;
  let schema = schemas.get(key);
  if (!schema) {
    const types = columns.map((c) => c.type);
    schema = z
      .array(text())
      .length(types.length + 1)
      .refine((p) => types.every((type, i) => !type || timestamp.test(p[i]!)) && id.safeParse(p.at(-1)).success);
    schemas.set(key, schema);
  }
  return schema;
}

/** Position schemas by id shape, then by column types (`positionSchema`). */
const positionSchemas = new WeakMap<z.ZodType<string>, Map<string, z.ZodType<string[]>>>();
