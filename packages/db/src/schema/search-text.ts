import { sql, type SQL } from 'drizzle-orm';

/**
 * The folded text a fragment search matches (`mailyard_fold`, migration 0008: lower case, no accents): the given
 * columns joined by U+001F, a character no search may contain (control characters are refused), so a match never
 * spans two columns. Stored as a generated `search_text` column, with a trigram GIN index on it: a trigram match is
 * lossy, so PostgreSQL re-checks each candidate row, and reading the stored text is far cheaper than unaccenting
 * it again for every candidate.
 */
export const searchText = (...columns: SQL[]): SQL => sql`mailyard_fold(${sql.join(columns, sql` || E'\\x1f' || `)})`;
