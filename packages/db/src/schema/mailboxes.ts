import { bigint, index, pgTable, primaryKey, text, timestamp, uuid, integer } from 'drizzle-orm/pg-core';

/** A user's (or group's) mailbox: kept while disabled, deleted 30 days after by a job. */
export const mailboxes = pgTable(
  'mailboxes',
  {
    organizationId: text('organization_id').notNull(),
    entityId: uuid('entity_id').notNull(),
    quotaMb: integer('quota_mb').notNull(),
    usageBytes: bigint('usage_bytes', { mode: 'number' }).notNull().default(0),
    usageReportedAt: timestamp('usage_reported_at', { withTimezone: true }),
    /** Set when usage crossed 90 % and the notice went out; cleared when usage falls below again. */
    quotaWarningSentAt: timestamp('quota_warning_sent_at', { withTimezone: true }),
    provisionedAt: timestamp('provisioned_at', { withTimezone: true }).notNull(),
    deprovisionedAt: timestamp('deprovisioned_at', { withTimezone: true }),
    /** When a disabled user's mailbox will be deleted; `null` while enabled. */
    deletionDueAt: timestamp('deletion_due_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.entityId] })],
);

export const mailboxPermissions = pgTable(
  'mailbox_permissions',
  {
    organizationId: text('organization_id').notNull(),
    mailboxEntityId: uuid('mailbox_entity_id').notNull(),
    granteeId: uuid('grantee_id').notNull(),
    /** USER | GROUP */
    granteeType: text('grantee_type').notNull(),
    /** FULL_ACCESS, SEND_AS, SEND_ON_BEHALF */
    permissions: text('permissions').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.mailboxEntityId, t.granteeId] }),
    index('mailbox_permissions_grantee_idx').on(t.organizationId, t.granteeId),
  ],
);

export const mobileDevices = pgTable(
  'mobile_devices',
  {
    organizationId: text('organization_id').notNull(),
    userId: uuid('user_id').notNull(),
    deviceId: text('device_id').notNull(),
    deviceType: text('device_type'),
    model: text('model'),
    operatingSystem: text('operating_system'),
    userAgent: text('user_agent'),
    firstSyncAt: timestamp('first_sync_at', { withTimezone: true }).notNull(),
    lastSyncAt: timestamp('last_sync_at', { withTimezone: true }).notNull(),
    /** null | PENDING (asked) | SENT (told the device) | WIPED (device acknowledged) */
    wipeStatus: text('wipe_status'),
    wipeRequestedAt: timestamp('wipe_requested_at', { withTimezone: true }),
    wipeSentAt: timestamp('wipe_sent_at', { withTimezone: true }),
    wipedAt: timestamp('wiped_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId, t.deviceId] })],
);
