import { z } from 'zod';
import { text } from '../text/well-formed.ts';

/**
 * Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded JSON. The `for` tag
 * ties a cursor to the list (and filters) it came from, so replaying it elsewhere is refused.
 */
export function encodeCursor(scope: string, key: readonly unknown[]): string {
  const json = JSON.stringify({ for: scope, key });
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The key inside a cursor, or `null` when the cursor is malformed or belongs to another list. */
export function decodeCursor(scope: string, cursor: string): unknown[] | null {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const parsed = z.object({ for: text(), key: z.array(z.unknown()) }).parse(JSON.parse(json));
    return parsed.for === scope ? parsed.key : null;
  } catch {
    return null;
  }
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor: string | null;
}

export const pageInput = {
  cursor: text().max(1024).optional(),
  limit: z.number().int().min(1, 'Page size must be at least 1.').max(100, 'Page size must be at most 100.').default(50),
};

/** A list's search box or prefix filter: matched without case; blank = no filter. Messages start with `label`. */
export const prefixFilter = (label: string) =>
  text()
    .trim()
    .max(256, `${label} must be at most 256 characters.`)
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    .refine((s) => !/[\x00-\x1f\x7f]/.test(s), `${label} may not contain control characters.`)
    .transform((s) => (s === '' ? undefined : s))
    .optional();
