import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';

export const organizations = pgTable(
  'organizations',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    alias: text('alias').notNull(),
    state: text('state').notNull(),
    directoryType: text('directory_type').notNull(),
    directoryId: text('directory_id'),
    /** `null` = the installation's managed master key wraps the data key. */
    kmsKeyArn: text('kms_key_arn'),
    /** The organization's data-encryption key, wrapped (AES-256-GCM) by the master key. */
    wrappedDataKey: text('wrapped_data_key'),
    interoperabilityEnabled: boolean('interoperability_enabled').notNull().default(false),
    defaultMailDomain: text('default_mail_domain'),
    errorMessage: text('error_message'),
    clientToken: text('client_token'),
    /** Self-service alias policy (validated by core's AliasPolicy schema). */
    aliasPolicy: jsonb('alias_policy').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    // Aliases are unique across the system, case-insensitively, while the organization exists.
    uniqueIndex('organizations_alias_key').on(sql`lower(${t.alias})`).where(sql`${t.state} <> 'Deleted'`),
    uniqueIndex('organizations_client_token_key').on(t.accountId, t.clientToken),
    index('organizations_account_page_idx').on(t.accountId, t.createdAt, t.id),
  ],
);

/** The built-in directory (Quick setup) or a connected one (Standard setup). */
export const directories = pgTable(
  'directories',
  {
    organizationId: text('organization_id').notNull().references(() => organizations.id),
    id: text('id').notNull(),
    type: text('type').notNull(),
    nestedGroups: boolean('nested_groups').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] })],
);

export const mailDomains = pgTable(
  'mail_domains',
  {
    organizationId: text('organization_id').notNull().references(() => organizations.id),
    /** Lower case. */
    domain: text('domain').notNull(),
    isTestDomain: boolean('is_test_domain').notNull(),
    isDefault: boolean('is_default').notNull(),
    /** PENDING | VERIFIED | FAILED, as WorkMail's DnsRecordVerificationStatus. */
    verificationStatus: text('verification_status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.domain] }),
    // A domain belongs to one organization across the system.
    uniqueIndex('mail_domains_domain_key').on(t.domain),
  ],
);
