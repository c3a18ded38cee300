import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Every change: who, when, what, before and after. Append-only. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: uuid('account_id'),
    organizationId: text('organization_id'),
    /** operator | user | system */
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    /** The credential the actor used: session, api_token:<id>, access_key:<id>. */
    via: text('via'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    targetLabel: text('target_label'),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('audit_events_org_idx').on(t.organizationId, t.createdAt, t.id),
    index('audit_events_target_idx').on(t.organizationId, t.targetId, t.createdAt, t.id),
    index('audit_events_account_idx').on(t.accountId, t.createdAt, t.id),
  ],
);

/**
 * The durable job queue. Workers claim with `FOR UPDATE SKIP LOCKED`, so replicas never run one job twice;
 * a claim holds a lease (`locked_until`) and a crashed worker's job is claimed again when the lease expires.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    /** pending | running | done | failed | cancelled */
    state: text('state').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** At most one unfinished job per key (e.g. `mailbox.delete:<org>:<user>`). */
    key: text('key'),
    progress: jsonb('progress'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_claim_idx').on(t.runAt).where(sql`${t.state} in ('pending', 'running')`),
    uniqueIndex('jobs_key_key').on(t.key).where(sql`${t.state} in ('pending', 'running')`),
    // Every state: a periodic sweep's key is spent once run (`enqueueJob`'s `once`).
    index('jobs_key_idx').on(t.key),
  ],
);

/** Fixed-window counters for rate limits, shared by every replica. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Outgoing notices. Sent through SMTP_URL when set; otherwise kept here for operators to read. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: text('organization_id'),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** queued (a `mail.send` job will deliver it) | sent | kept (no SMTP_URL: stays here, logged) | failed (gave up) */
    state: text('state').notNull().default('queued'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** The part of subject and body that gives access (a code, a link), replaced in both once the notice is sent. */
    secret: text('secret'),
  },
  (t) => [index('outbox_org_idx').on(t.organizationId, t.createdAt, t.id)],
);

/** A CSV import: validated rows and, once applied, the outcome per row. */
export const userImports = pgTable(
  'user_imports',
  {
    id: uuid('id').notNull(),
    organizationId: text('organization_id').notNull(),
    /** validated | applying | done | failed */
    state: text('state').notNull(),
    fileName: text('file_name').notNull(),
    totalRows: integer('total_rows').notNull(),
    validRows: integer('valid_rows').notNull(),
    processedRows: integer('processed_rows').notNull().default(0),
    report: jsonb('report').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), index('user_imports_org_idx').on(t.organizationId, t.createdAt, t.id)],
);
