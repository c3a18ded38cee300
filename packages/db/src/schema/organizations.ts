import { sql, type SQL } from 'drizzle-orm';
import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { searchText } from './search-text.ts';

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
    /**
     * The mailbox key Dovecot's mail_crypt encrypts every message of the organization with (EC P-256): the public half
     * in PEM for deliveries (the mailserver view), the private half sealed with the data key, unsealed by Mailyard
     * for a session that reads mail (docs/mail-server-contract.md).
     */
    mailboxPublicKey: text('mailbox_public_key'),
    sealedMailboxPrivateKey: text('sealed_mailbox_private_key'),
    interoperabilityEnabled: boolean('interoperability_enabled').notNull().default(false),
    defaultMailDomain: text('default_mail_domain'),
    errorMessage: text('error_message'),
    clientToken: text('client_token'),
    /** Self-service alias policy (validated by core's AliasPolicy schema). */
    aliasPolicy: jsonb('alias_policy').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** What the console's search box matches: the alias, the default mail domain and the id (`searchText`). */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs((): SQL => searchText(sql`${organizations.alias}`, sql`coalesce(${organizations.defaultMailDomain}, '')`, sql`${organizations.id}`)),
  },
  (t) => [
    // Aliases are unique across the system, case-insensitively, while the organization exists.
    uniqueIndex('organizations_alias_key').on(sql`lower(${t.alias})`).where(sql`${t.state} <> 'Deleted'`),
    uniqueIndex('organizations_client_token_key').on(t.accountId, t.clientToken),
    index('organizations_account_page_idx').on(t.accountId, t.createdAt, t.id),
    index('organizations_account_alias_page_idx').on(t.accountId, sql`lower(${t.alias}) COLLATE "C"`, t.id),
    index('organizations_account_state_page_idx').on(t.accountId, t.state, sql`lower(${t.alias}) COLLATE "C"`, t.id),
    index('organizations_account_domain_page_idx').on(t.accountId, sql`coalesce(${t.defaultMailDomain}, '') COLLATE "C"`, t.id),
    index('organizations_search_idx').using('gin', t.accountId, t.searchText.op('gin_trgm_ops')),
    // A connected directory serves one live organization (WorkMail's DirectoryInUseException).
    uniqueIndex('organizations_external_directory_key')
      .on(t.directoryId)
      .where(sql`${t.directoryType} = 'ExternalDirectory' and ${t.state} <> 'Deleted'`),
  ],
);

/** Key–value labels on an organization (WorkMail's TagResource); core's tag rules bound them. */
export const organizationTags = pgTable(
  'organization_tags',
  {
    organizationId: text('organization_id').notNull().references(() => organizations.id),
    key: text('key').notNull(),
    value: text('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.key] })],
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
    /** The A-label (ASCII) form, lower case. */
    domain: text('domain').notNull(),
    isTestDomain: boolean('is_test_domain').notNull(),
    isDefault: boolean('is_default').notNull(),
    /** Ownership: PENDING | VERIFIED | FAILED, as WorkMail's OwnershipVerificationStatus. */
    verificationStatus: text('verification_status').notNull(),
    ownershipReason: text('ownership_reason'),
    /** The value of the `_mailyard.<domain>` TXT record that proves ownership; null for the test domain. */
    ownershipToken: text('ownership_token'),
    dkimStatus: text('dkim_status').notNull().default('PENDING'),
    dkimReason: text('dkim_reason'),
    /** When ownership was first proven: from then on the domain carries addresses and mail servers accept it. */
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    /** When the checking job looks at DNS again; null for the test domain. */
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    /** The last check, record by record (core's RecordCheck[]). */
    checks: jsonb('checks').notNull().default(sql`'[]'::jsonb`),
    clientToken: text('client_token'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.domain] }),
    // A domain is proven by one organization across the system; claims pending proof may coexist, so nobody can
    // hold a domain they do not own by registering it first.
    uniqueIndex('mail_domains_verified_domain_key').on(t.domain).where(sql`${t.verifiedAt} is not null`),
    uniqueIndex('mail_domains_client_token_key').on(t.organizationId, t.clientToken),
    index('mail_domains_next_check_idx').on(t.nextCheckAt).where(sql`${t.nextCheckAt} is not null`),
  ],
);

/**
 * A domain's DKIM keys: the `active` one signs; a rotation adds a `next` one, which replaces it once its record is
 * seen in DNS. The private key is sealed with the organization's data key.
 */
export const dkimKeys = pgTable(
  'dkim_keys',
  {
    organizationId: text('organization_id').notNull(),
    domain: text('domain').notNull(),
    selector: text('selector').notNull(),
    /** active | next */
    state: text('state').notNull(),
    /** base64 DER (SubjectPublicKeyInfo), what the record's `p=` carries. */
    publicKey: text('public_key').notNull(),
    /** PKCS#8 PEM, sealed (AES-256-GCM) with the organization's data key. */
    sealedPrivateKey: text('sealed_private_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.domain, t.selector] }),
    foreignKey({ columns: [t.organizationId, t.domain], foreignColumns: [mailDomains.organizationId, mailDomains.domain] }).onDelete('cascade'),
    uniqueIndex('dkim_keys_state_key').on(t.organizationId, t.domain, t.state),
  ],
);
