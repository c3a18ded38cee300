import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** The tenant root: owns operators, credentials and organizations. */
export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** Twelve digits, as an AWS account id, used in ARNs of the WorkMail-compatible API. */
  awsAccountId: text('aws_account_id').notNull().unique(),
  maxOrganizations: integer('max_organizations').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const operators = pgTable(
  'operators',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('operators_email_key').on(sql`lower(${t.email})`), index('operators_account_idx').on(t.accountId)],
);

/** Server-side sessions; the cookie carries a random token, the table its SHA-256. */
export const operatorSessions = pgTable(
  'operator_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('operator_sessions_operator_idx').on(t.operatorId)],
);

/** Bearer tokens for scripts (typed tRPC client). Stored hashed; shown once. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, shown in lists so people can tell tokens apart. */
    prefix: text('prefix').notNull(),
    readOnly: boolean('read_only').notNull(),
    /** `null` = every organization of the account. */
    organizationIds: text('organization_ids').array(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_tokens_account_idx').on(t.accountId, t.createdAt)],
);

/** SigV4 access keys of the WorkMail-compatible API. The secret is encrypted, since SigV4 needs it to verify. */
export const accessKeys = pgTable(
  'access_keys',
  {
    accessKeyId: text('access_key_id').primaryKey(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    operatorId: uuid('operator_id').references(() => operators.id),
    description: text('description').notNull().default(''),
    secretCiphertext: text('secret_ciphertext').notNull(),
    status: text('status', { enum: ['Active', 'Inactive'] }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('access_keys_account_idx').on(t.accountId, t.createdAt)],
);
