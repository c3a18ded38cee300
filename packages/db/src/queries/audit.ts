import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AccountActivityEvent } from '@mailyard/core/activity';
import type { ListTotal } from '@mailyard/core/pagination';
import type { Db } from '../client.ts';
import { EXACT_COUNT_LIMIT, listTotal, scopeTotal } from '../list-total.ts';
import { auditEvents } from '../schema/index.ts';

export interface AuditEventInput {
  accountId: string | null;
  organizationId: string | null;
  actorType: 'operator' | 'user' | 'system';
  actorId: string | null;
  actorLabel: string;
  via: string | null;
  action: string;
  targetType: string;
  targetId: string;
  targetLabel?: string | null;
  before?: unknown;
  after?: unknown;
  createdAt: Date;
}

export async function insertAuditEvent(db: Db, event: AuditEventInput): Promise<void> {
  await db.insert(auditEvents).values({ ...event, before: event.before ?? null, after: event.after ?? null });
}

/** Which events a list or count reads: an account's, an organization's or one target's, narrowed by the filters. */
export interface AuditEventsFilter {
  accountId: string;
  organizationId?: string | null;
  targetId?: string | null;
  actorLabel?: string | null;
  actionPrefix?: string | null;
  actorTypes?: string[] | null;
}

/** The trail a filter reads from (account, organization, target): what the indexes on `(…, created_at, id)` serve. */
function scopeConditions(q: AuditEventsFilter): SQL[] {
  const conditions: SQL[] = [eq(auditEvents.accountId, q.accountId)];
  if (q.organizationId) conditions.push(eq(auditEvents.organizationId, q.organizationId));
  if (q.targetId) conditions.push(eq(auditEvents.targetId, q.targetId));
  return conditions;
}

/** Who acted and what: prefixes and types checked on each event, which no index serves. */
function filterConditions(q: AuditEventsFilter): SQL[] {
  const conditions: SQL[] = [];
  if (q.actorLabel) conditions.push(sql`lower(${auditEvents.actorLabel}) like ${escapeLike(q.actorLabel.toLowerCase()) + '%'}`);
  if (q.actionPrefix) conditions.push(sql`${auditEvents.action} like ${escapeLike(q.actionPrefix) + '%'}`);
  if (q.actorTypes?.length) conditions.push(inArray(auditEvents.actorType, q.actorTypes));
  return conditions;
}

/** Newest first; keyset on (created_at, id). Scoped to an account, and to an organization or a target when given. */
export async function listAuditEvents(db: Db, q: AuditEventsFilter & { after: [string, number] | null; limit: number }): Promise<AccountActivityEvent[]> {
  const conditions: SQL[] = [...scopeConditions(q), ...filterConditions(q)];
  if (q.after) {
    const at = new Date(q.after[0]);
    conditions.push(or(lt(auditEvents.createdAt, at), and(eq(auditEvents.createdAt, at), lt(auditEvents.id, q.after[1])))!);
  }
  return db
    .select({
      id: auditEvents.id,
      organizationId: auditEvents.organizationId,
      actorType: auditEvents.actorType,
      actorLabel: auditEvents.actorLabel,
      via: auditEvents.via,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      targetLabel: auditEvents.targetLabel,
      before: auditEvents.before,
      after: auditEvents.after,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(q.limit);
}

/**
 * How many events a filter matches. Without a filter by actor or action, the trail is counted as every list's total is
 * (`listTotal`: exact up to 10,000 events, estimated beyond). Those filters no index serves, so a rare actor's events
 * could only be counted by reading the whole trail: the trail's newest 10,001 events are read instead and the matches
 * among them counted, exact when that is the whole trail; a longer trail's total is PostgreSQL's estimate, labelled as
 * one (and never below the matches already counted).
 */
export async function countAuditEvents(db: Db, q: AuditEventsFilter): Promise<ListTotal> {
  const scope = and(...scopeConditions(q));
  const filters = filterConditions(q);
  if (filters.length === 0) return scopeTotal(db, auditEvents, scope);
  const [newest] = await db.execute<{ read: number; matching: number }>(sql`
    select count(*)::int as read, count(*) filter (where matches)::int as matching
    from (
      select ${and(...filters)} as matches from ${auditEvents} where ${scope}
      order by ${auditEvents.createdAt} desc, ${auditEvents.id} desc limit ${EXACT_COUNT_LIMIT + 1}
    ) as newest`);
  const { read = 0, matching = 0 } = newest ?? {};
  if (read <= EXACT_COUNT_LIMIT) return { count: matching, exact: true };
  const estimate = await listTotal(db, db.select({ one: sql`1` }).from(auditEvents).where(and(scope, ...filters)).getSQL(), false);
  return { count: Math.max(estimate.count, matching), exact: false };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
