import type { MobileDeviceAccessConditions } from '@mailyard/core/mobile-access';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.ts';

/**
 * An organization's mobile device access rules (WorkMail's, at most 10): an effect and the conditions on what a
 * device reports, kept as one JSON object of eight lists (core `MobileDeviceAccessConditions`), read whole.
 */
export const mobileDeviceAccessRules = pgTable(
  'mobile_device_access_rules',
  {
    organizationId: text('organization_id').notNull().references(() => organizations.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** ALLOW | DENY */
    effect: text('effect').notNull(),
    conditions: jsonb('conditions').$type<MobileDeviceAccessConditions>().notNull(),
    /** CreateMobileDeviceAccessRule's idempotency token: a retried request finds its rule. */
    clientToken: text('client_token'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), uniqueIndex('mobile_device_access_rules_client_token_key').on(t.organizationId, t.clientToken)],
);

/** Per user and device: ALLOW or DENY whatever the rules say. The device need not have synced yet (an MDM may set it first). */
export const mobileDeviceAccessOverrides = pgTable(
  'mobile_device_access_overrides',
  {
    organizationId: text('organization_id').notNull().references(() => organizations.id),
    userId: uuid('user_id').notNull(),
    /** Lower case, as `mobile_devices.device_id`. */
    deviceId: text('device_id').notNull(),
    /** ALLOW | DENY */
    effect: text('effect').notNull(),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId, t.deviceId] }),
    // ListMobileDeviceAccessOverrides filtered by device alone.
    index('mobile_device_access_overrides_device_idx').on(t.organizationId, t.deviceId, t.userId),
  ],
);
