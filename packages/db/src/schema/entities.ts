import { sql, type SQL } from 'drizzle-orm';
import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.ts';
import { searchText } from './search-text.ts';


/**
 * Users (roles USER, SYSTEM_USER, REMOTE_USER, RESOURCE). Keys lead with organization_id so the table can be
 * distributed by organization; the list indexes use `lower(x) COLLATE "C"` so one index serves both the ORDER BY
 * of a keyset page and a prefix range search. Each sort order of the console has its page index; the search box
 * reads `user_search`, whose rows triggers keep from these (migration 0023 folds the name, display name and primary
 * address there, with the aliases).
 */
export const users = pgTable(
  'users',
  {
    organizationId: text('organization_id').notNull().references(() => organizations.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    displayName: text('display_name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    initials: text('initials'),
    telephone: text('telephone'),
    street: text('street'),
    city: text('city'),
    zipCode: text('zip_code'),
    country: text('country'),
    company: text('company'),
    department: text('department'),
    jobTitle: text('job_title'),
    office: text('office'),
    hiddenFromGlobalAddressList: boolean('hidden_from_gal').notNull().default(false),
    identityProviderUserId: text('identity_provider_user_id'),
    /** Standard setup: the directory entry's unique id (entryUUID, objectGUID), its DN, and when a sync found it gone. */
    directoryEntryId: text('directory_entry_id'),
    directoryDn: text('directory_dn'),
    directoryRemovedAt: timestamp('directory_removed_at', { withTimezone: true }),
    role: text('role').notNull(),
    state: text('state').notNull(),
    /** Lower case; `null` until the user is registered (enabled) with an address. */
    primaryEmail: text('primary_email'),
    passwordHash: text('password_hash'),
    /** Personal address outside the organization for password recovery; effective once verified. */
    recoveryEmail: text('recovery_email'),
    recoveryEmailVerifiedAt: timestamp('recovery_email_verified_at', { withTimezone: true }),
    enabledAt: timestamp('enabled_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('users_name_key').on(t.organizationId, sql`lower(${t.name})`).where(sql`${t.state} <> 'DELETED'`),
    index('users_name_page_idx').on(t.organizationId, sql`lower(${t.name}) COLLATE "C"`, t.id),
    index('users_display_name_page_idx').on(t.organizationId, sql`lower(${t.displayName}) COLLATE "C"`, t.id),
    // Users never enabled have no address: they sort as '' so the key is never null and a row comparison resumes it.
    index('users_email_page_idx').on(t.organizationId, sql`coalesce(${t.primaryEmail}, '') COLLATE "C"`, t.id),
    index('users_state_name_page_idx').on(t.organizationId, t.state, sql`lower(${t.name}) COLLATE "C"`, t.id),
    index('users_created_page_idx').on(t.organizationId, t.createdAt, t.id),
    // ListUsers' IdentityProviderUserIdPrefix: a range scan over the linked users only (most users have no link).
    index('users_idp_user_id_page_idx')
      .on(t.organizationId, sql`lower(${t.identityProviderUserId}) COLLATE "C"`, t.id)
      .where(sql`${t.identityProviderUserId} is not null`),
    uniqueIndex('users_directory_entry_key').on(t.organizationId, t.directoryEntryId).where(sql`${t.directoryEntryId} is not null`),
  ],
);

export const groups = pgTable(
  'groups',
  {
    organizationId: text('organization_id').notNull().references(() => organizations.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    primaryEmail: text('primary_email'),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs((): SQL => searchText(sql`${groups.name}`, sql`coalesce(${groups.primaryEmail}, '')`)),
    state: text('state').notNull(),
    hiddenFromGlobalAddressList: boolean('hidden_from_gal').notNull().default(false),
    /** Standard setup: the directory entry's unique id (entryUUID, objectGUID), its DN, and when a sync found it gone. */
    directoryEntryId: text('directory_entry_id'),
    directoryDn: text('directory_dn'),
    directoryRemovedAt: timestamp('directory_removed_at', { withTimezone: true }),
    enabledAt: timestamp('enabled_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('groups_name_key').on(t.organizationId, sql`lower(${t.name})`).where(sql`${t.state} <> 'DELETED'`),
    index('groups_name_page_idx').on(t.organizationId, sql`lower(${t.name}) COLLATE "C"`, t.id),
    index('groups_email_page_idx').on(t.organizationId, sql`coalesce(${t.primaryEmail}, '') COLLATE "C"`, t.id),
    index('groups_state_name_page_idx').on(t.organizationId, t.state, sql`lower(${t.name}) COLLATE "C"`, t.id),
    index('groups_created_page_idx').on(t.organizationId, t.createdAt, t.id),
    index('groups_search_idx').using('gin', t.organizationId, t.searchText.op('gin_trgm_ops')),
    uniqueIndex('groups_directory_entry_key').on(t.organizationId, t.directoryEntryId).where(sql`${t.directoryEntryId} is not null`),
  ],
);

export const groupMembers = pgTable(
  'group_members',
  {
    organizationId: text('organization_id').notNull(),
    groupId: uuid('group_id').notNull(),
    memberId: uuid('member_id').notNull(),
    /** USER | GROUP */
    memberType: text('member_type').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.groupId, t.memberId] }),
    index('group_members_member_idx').on(t.organizationId, t.memberId),
  ],
);

/**
 * The addresses of an organization's users, groups and resources — primary addresses and aliases. Keyed by
 * organization like every organization-scoped table; the one system-wide namespace is kept by `address_claims`.
 */
export const addresses = pgTable(
  'addresses',
  {
    /** Lower case. */
    address: text('address').notNull(),
    organizationId: text('organization_id').notNull(),
    entityId: uuid('entity_id').notNull(),
    /** USER | GROUP */
    entityType: text('entity_type').notNull(),
    isPrimary: boolean('is_primary').notNull(),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs((): SQL => searchText(sql`${addresses.address}`)),
    /** operator | self_service | api | system */
    origin: text('origin').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.address] }),
    // Who holds an address, asked before the organization is known (sign-in by alias, "in use by …").
    index('addresses_address_idx').on(t.address),
    index('addresses_entity_idx').on(t.organizationId, t.entityId, t.address),
    // How many addresses a domain carries (a domain is removed only when none do).
    index('addresses_domain_idx').on(t.organizationId, sql`split_part(${t.address}, '@', 2)`),
    // The search by alias (a primary address is searched through its user's or group's own index).
    index('addresses_alias_search_idx')
      .using('gin', t.organizationId, t.searchText.op('gin_trgm_ops'))
      .where(sql`not ${t.isPrimary}`),
  ],
);

/**
 * The system-wide address namespace: an address belongs to one entity across every organization. Its primary key
 * makes two racing claims end in one success and one unique violation (`address_claims_pkey`); the row goes with its
 * address (`on delete cascade`), so freeing an address frees its claim. A global table of its own (DESIGN §6), so
 * that `addresses` can be distributed by organization.
 */
export const addressClaims = pgTable(
  'address_claims',
  {
    /** Lower case. */
    address: text('address').primaryKey(),
    organizationId: text('organization_id').notNull(),
  },
  (t) => [
    foreignKey({ name: 'address_claims_address_fk', columns: [t.organizationId, t.address], foreignColumns: [addresses.organizationId, addresses.address] })
      .onDelete('cascade')
      .onUpdate('cascade'),
  ],
);
