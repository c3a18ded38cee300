import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Trigram indexes find nothing selective in a shorter fragment. The users list looks such a fragment up in the index
 * of short pieces (`containsFragment`); the groups and organizations lists, far smaller, walk their page index.
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

/**
 * Folded `text` contains `search` (`containsPattern`), in a form an index answers: the trigram index on `text`, or for a
 * search too short for trigrams the index of its one- and two-character pieces (`mailyard_short_grams`, migration
 * 0023), which finds the rows holding the search's first two folded characters; `strpos` then checks each exactly
 * (folding may lengthen a search: "æ" is "ae"). Not `LIKE` there: in a generic plan, which cannot see that the
 * search is short, a `LIKE` would send PostgreSQL to the trigram index, to read every entry of the organization.
 */
export function containsFragment(text: AnyColumn, search: string): SQL {
  if (trigramSearchable(search)) return sql`${text} like ${containsPattern(search)}`;
  return sql`mailyard_short_grams(${text}) @> array[left(${foldedOnce(search)}, 2)] and ${containsExactly(text, search)}`;
}

/** Folded `text` contains `search`, checked row by row (no index): for rows found otherwise. */
export const containsExactly = (text: AnyColumn, search: string): SQL => sql`strpos(${text}, ${foldedOnce(search)}) > 0`;

/** `search` folded once per statement (a scalar subquery: an InitPlan, as `containsPattern` says why). */
const foldedOnce = (search: string): SQL => sql`(select mailyard_fold(${search}))`;
