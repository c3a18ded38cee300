import { sql, type SQL } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.ts';
import { searchText } from './search-text.ts';

/**
 * Resources (WorkMail's rooms and equipment): booked through their address, answering by themselves as the booking
 * options say or through their delegates. The id is a UUID here; the API shows it as WorkMail's `r-` + 32 hex
 * (core `resourceIdOf`), so addresses and delegates keep their `uuid` entity ids.
 */
export const resources = pgTable(
  'resources',
  {
    organizationId: text('organization_id').notNull().references(() => organizations.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** ROOM | EQUIPMENT */
    type: text('type').notNull(),
    description: text('description'),
    /** Lower case; `null` until the resource is enabled with an address. */
    primaryEmail: text('primary_email'),
    /** What the console's search box matches: the name and the primary address, folded (resources have no aliases). */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs((): SQL => searchText(sql`${resources.name}`, sql`coalesce(${resources.primaryEmail}, '')`)),
    state: text('state').notNull(),
    hiddenFromGlobalAddressList: boolean('hidden_from_gal').notNull().default(false),
    autoAcceptRequests: boolean('auto_accept_requests').notNull(),
    autoDeclineRecurringRequests: boolean('auto_decline_recurring_requests').notNull(),
    autoDeclineConflictingRequests: boolean('auto_decline_conflicting_requests').notNull(),
    enabledAt: timestamp('enabled_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('resources_name_key').on(t.organizationId, sql`lower(${t.name})`).where(sql`${t.state} <> 'DELETED'`),
    // A page index for each order of the console's list (`queries/resources.ts`, `sortColumns`).
    index('resources_name_page_idx').on(t.organizationId, sql`lower(${t.name}) COLLATE "C"`, t.id),
    index('resources_type_name_page_idx').on(t.organizationId, t.type, sql`lower(${t.name}) COLLATE "C"`, t.id),
    index('resources_email_page_idx').on(t.organizationId, sql`coalesce(${t.primaryEmail}, '') COLLATE "C"`, t.id),
    index('resources_state_name_page_idx').on(t.organizationId, t.state, sql`lower(${t.name}) COLLATE "C"`, t.id),
    index('resources_created_page_idx').on(t.organizationId, t.createdAt, t.id),
    index('resources_search_idx').using('gin', t.organizationId, t.searchText.op('gin_trgm_ops')),
  ],
);

/** The users and groups who answer a resource's booking requests on its behalf. */
export const resourceDelegates = pgTable(
  'resource_delegates',
  {
    organizationId: text('organization_id').notNull(),
    resourceId: uuid('resource_id').notNull(),
    delegateId: uuid('delegate_id').notNull(),
    /** USER | GROUP */
    delegateType: text('delegate_type').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.resourceId, t.delegateId] }),
    // What a user or group being deleted lets go of.
    index('resource_delegates_delegate_idx').on(t.organizationId, t.delegateId),
  ],
);
