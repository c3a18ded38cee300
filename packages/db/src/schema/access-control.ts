import type { AccessAction, AccessEffectName } from '@mailyard/core/access-control';
import { primaryKey, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.ts';

/**
 * An organization's access control rules (WorkMail's PutAccessControlRule), 20 at most, by name. Lists are stored as
 * given (core's schemas checked them); the mail servers' `mailserver.v1_access_effect` reads them with `inet`.
 */
export const accessControlRules = pgTable(
  'access_control_rules',
  {
    organizationId: text('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    /** ALLOW | DENY */
    effect: text('effect').$type<AccessEffectName>().notNull(),
    description: text('description').notNull(),
    ipRanges: text('ip_ranges').array().notNull(),
    notIpRanges: text('not_ip_ranges').array().notNull(),
    actions: text('actions').array().$type<AccessAction[]>().notNull(),
    notActions: text('not_actions').array().$type<AccessAction[]>().notNull(),
    /** User ids, lower-case. */
    userIds: text('user_ids').array().notNull(),
    notUserIds: text('not_user_ids').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.name] })],
);
