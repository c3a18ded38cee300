import { sql, type AnyColumn } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './entities.ts';

/**
 * The samples a users search is counted in (queries/user-list.ts, `sampledTotal`), smallest first: the users whose
 * id's last byte (`mailyard_sample_bucket`) is 0, one in 256, then those where it is a multiple of 16, one in 16. Each
 * has partial twins of the two search indexes over its rows, whose predicates are these conditions.
 */
export const userSearchSamples = [
  { fraction: 256, where: (userId: AnyColumn) => sql`mailyard_sample_bucket(${userId}) = 0` },
  { fraction: 16, where: (userId: AnyColumn) => sql`mailyard_sample_bucket(${userId}) % 16 = 0` },
] as const;

/**
 * What the users list's search box reads: one narrow row per user — its folded text with its aliases', its sort
 * keys and its state — kept by triggers on `users` and `addresses` (migration 0023, `mailyard_refresh_user_search`),
 * so no code path that writes a user or an address can leave it stale.
 *
 * Why a table of its own: a common fragment ("smith") matches thousands of users spread over the table, and each
 * match costs a heap page and its row. These rows are narrower than a user's (about 230 bytes; the search of a last
 * name took half as long in PostgreSQL as on `users`), hold the aliases (one trigram scan instead of two), and carry every
 * sort key, so a search sorts its matches here and reads only its page's users.
 * `user_search_short_grams_idx` (every one- and two-character piece of the text) serves a search too short for trigrams.
 * Both search indexes have partial twins over the rows of each sample (`userSearchSamples`, migration 0024): a
 * search's count reads its samples first to tell a small total, counted exactly, from a large one, estimated. (The
 * sample as a key of the main indexes instead slowed every search: a rare fragment's scan read three times the pages.)
 */
export const userSearch = pgTable(
  'user_search',
  {
    organizationId: text('organization_id').notNull(),
    userId: uuid('user_id').notNull(),
    state: text('state').notNull(),
    /** The sort keys of the users list, as its page indexes hold them (compared `COLLATE "C"`). */
    nameKey: text('name_key').notNull(),
    displayNameKey: text('display_name_key').notNull(),
    emailKey: text('email_key').notNull(),
    identityProviderKey: text('identity_provider_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The user's name, display name, primary address and aliases, folded (`mailyard_fold`) and joined by U+001F. */
    searchText: text('search_text').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }).onDelete('cascade'),
    index('user_search_text_idx').using('gin', t.organizationId, t.searchText.op('gin_trgm_ops')),
    index('user_search_short_grams_idx').using('gin', t.organizationId, sql`mailyard_short_grams(${t.searchText})`),
    // The same two over each sample's rows.
    ...userSearchSamples.flatMap(({ fraction, where }) => [
      index(`user_search_text_sample${fraction}_idx`).using('gin', t.organizationId, t.searchText.op('gin_trgm_ops')).where(where(t.userId)),
      index(`user_search_short_grams_sample${fraction}_idx`).using('gin', t.organizationId, sql`mailyard_short_grams(${t.searchText})`).where(where(t.userId)),
    ]),
  ],
);

