import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';

/**
 * An existing LDAP directory (OpenLDAP, Active Directory over LDAP) an account connects, for Standard setup. Its id
 * (`d-` + 10 hex) is what CreateOrganization's DirectoryId takes; the organization using it names it in
 * `organizations.directory_id`. The bind password is sealed by the master key.
 */
export const ldapDirectories = pgTable(
  'ldap_directories',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    name: text('name').notNull(),
    /** OpenLDAP | ActiveDirectory: the preset the settings started from. */
    preset: text('preset').notNull(),
    url: text('url').notNull(),
    startTls: boolean('start_tls').notNull(),
    caCertificate: text('ca_certificate'),
    bindDn: text('bind_dn').notNull(),
    sealedBindPassword: text('sealed_bind_password').notNull(),
    userBaseDn: text('user_base_dn').notNull(),
    groupBaseDn: text('group_base_dn').notNull(),
    userObjectClass: text('user_object_class').notNull(),
    groupObjectClass: text('group_object_class').notNull(),
    /** core's AttributeMapping. */
    mapping: jsonb('mapping').notNull(),
    /** Unknown | Healthy | Unavailable, as the last test, sync or periodic check found it. */
    health: text('health').notNull().default('Unknown'),
    healthMessage: text('health_message'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    /** core's SyncReport of the last sync that finished. */
    lastSync: jsonb('last_sync'),
    /** core's SyncProgress while a sync runs, else null. */
    syncProgress: jsonb('sync_progress'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('ldap_directories_name_key').on(t.accountId, sql`lower(${t.name})`),
    index('ldap_directories_account_page_idx').on(t.accountId, sql`lower(${t.name}) COLLATE "C"`, t.id),
  ],
);
