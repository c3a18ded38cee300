import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A run of the console's *Migrate from WorkMail* into this organization: its settings (no secret), the secrets sealed
 * with the master key (never read back but by the job), and what the job wrote as it went: progress, plan, report.
 */
export const migrationRuns = pgTable(
  'migration_runs',
  {
    organizationId: text('organization_id').notNull(),
    id: uuid('id').notNull(),
    /** planning | planned | applying | done | failed */
    state: text('state').notNull(),
    settings: jsonb('settings').notNull(),
    /** The access key's secret, the master users' passwords and the passwords CSV, sealed together. */
    sealedSecrets: text('sealed_secrets').notNull(),
    progress: jsonb('progress'),
    plan: jsonb('plan'),
    report: jsonb('report'),
    error: text('error'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('migration_runs_org_idx').on(t.organizationId, t.createdAt, t.id),
    // One run at work per organization: two starting at once meet here.
    uniqueIndex('migration_runs_one_active_idx').on(t.organizationId).where(sql`state in ('planning', 'applying')`),
  ],
);
