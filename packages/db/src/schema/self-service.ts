import { index, integer, pgTable, primaryKey, text, timestamp, uuid, bigserial } from 'drizzle-orm/pg-core';

/** Portal sessions of end users; separate from operator sessions (own cookie, own table). */
export const userSessions = pgTable(
  'user_sessions',
  {
    idHash: text('id_hash').notNull(),
    organizationId: text('organization_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.idHash] }),
    // The cookie holds the secret alone: its hash finds the session before the organization is known.
    index('user_sessions_id_hash_idx').on(t.idHash),
    index('user_sessions_user_idx').on(t.organizationId, t.userId),
  ],
);

/** The last password hashes of a user, so a new password cannot repeat one of the last five. */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    organizationId: text('organization_id').notNull(),
    userId: uuid('user_id').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), index('password_history_user_idx').on(t.organizationId, t.userId, t.createdAt)],
);

/** Single-use password-reset links; the token is random and stored as its SHA-256. */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    tokenHash: text('token_hash').notNull(),
    organizationId: text('organization_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** self | operator */
    issuedBy: text('issued_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.tokenHash] }),
    // The link holds the token alone: its hash finds the row before the organization is known.
    index('password_reset_tokens_token_hash_idx').on(t.tokenHash),
    index('password_reset_tokens_user_idx').on(t.organizationId, t.userId),
  ],
);

/** A pending recovery address and the hash of the code sent to it. */
export const recoveryVerifications = pgTable(
  'recovery_verifications',
  {
    organizationId: text('organization_id').notNull(),
    userId: uuid('user_id').notNull(),
    email: text('email').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] })],
);
