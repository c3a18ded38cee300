import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.ts';

/**
 * Users (roles USER, SYSTEM_USER, REMOTE_USER, RESOURCE). Keys lead with organization_id so the table can be
 * distributed by organization; the list indexes use `lower(x) COLLATE "C"` so one index serves both the ORDER BY
 * of a keyset page and a prefix range search.
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
    index('users_email_page_idx').on(t.organizationId, sql`${t.primaryEmail} COLLATE "C"`, t.id),
    index('users_state_name_page_idx').on(t.organizationId, t.state, sql`lower(${t.name}) COLLATE "C"`, t.id),
    // ListUsers' IdentityProviderUserIdPrefix: a range scan over the linked users only (most users have no link).
    index('users_idp_user_id_page_idx')
      .on(t.organizationId, sql`lower(${t.identityProviderUserId}) COLLATE "C"`, t.id)
      .where(sql`${t.identityProviderUserId} is not null`),
  ],
);

export const groups = pgTable(
  'groups',
  {
    organizationId: text('organization_id').notNull().references(() => organizations.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    primaryEmail: text('primary_email'),
    state: text('state').notNull(),
    hiddenFromGlobalAddressList: boolean('hidden_from_gal').notNull().default(false),
    enabledAt: timestamp('enabled_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('groups_name_key').on(t.organizationId, sql`lower(${t.name})`).where(sql`${t.state} <> 'DELETED'`),
    index('groups_name_page_idx').on(t.organizationId, sql`lower(${t.name}) COLLATE "C"`, t.id),
    index('groups_email_page_idx').on(t.organizationId, sql`${t.primaryEmail} COLLATE "C"`, t.id),
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
 * Every address in the system — primary addresses and aliases of users and groups — in one namespace.
 * A global table (not distributed by organization): the primary key makes an address belong to one entity,
 * so two racing requests end in one success and one unique-violation.
 */
export const addresses = pgTable(
  'addresses',
  {
    /** Lower case. */
    address: text('address').primaryKey(),
    organizationId: text('organization_id').notNull(),
    entityId: uuid('entity_id').notNull(),
    /** USER | GROUP */
    entityType: text('entity_type').notNull(),
    isPrimary: boolean('is_primary').notNull(),
    /** operator | self_service | api | system */
    origin: text('origin').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('addresses_entity_idx').on(t.organizationId, t.entityId, t.address),
    // How many addresses a domain carries (a domain is removed only when none do).
    index('addresses_domain_idx').on(t.organizationId, sql`split_part(${t.address}, '@', 2)`),
  ],
);
