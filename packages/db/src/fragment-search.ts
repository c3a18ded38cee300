import { sql, type SQL } from 'drizzle-orm';

/**
 * A search of shorter fragments than this walks the list's page index instead: trigram indexes find nothing
 * selective in one or two characters, and a fragment that short matches so many rows that a page fills quickly.
 */
const TRIGRAM_LENGTH = 3;

export const trigramSearchable = (search: string): boolean => [...search].length >= TRIGRAM_LENGTH;

/**
 * `text LIKE` this matches `search` anywhere, without case or accents: `text` must be folded the same way
 * (`searchText`). The search's own `%`, `_` and `\` match themselves.
 *
 * A scalar subquery, so PostgreSQL folds the pattern once per statement (an InitPlan). Written inline, a generic plan
 * (what the driver's prepared statements settle on) calls `mailyard_fold` — unaccent — again for every row it checks:
 * a last name matching 3,333 users spent most of its time there.
 */
export function containsPattern(search: string): SQL {
  const escaped = search.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`(select '%' || mailyard_fold(${escaped}) || '%')`;
}
