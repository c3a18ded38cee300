import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AccountActivityEvent } from '@mailyard/core/activity';
import type { Db } from '../client.ts';
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

/** Newest first; keyset on (created_at, id). Scoped to an account, and to an organization or a target when given. */
export async function listAuditEvents(
  db: Db,
  q: {
    accountId: string;
    organizationId?: string | null;
    targetId?: string | null;
    actorLabel?: string | null;
    actionPrefix?: string | null;
    actorTypes?: string[] | null;
    after: [string, number] | null;
    limit: number;
  },
): Promise<AccountActivityEvent[]> {
  const conditions: SQL[] = [eq(auditEvents.accountId, q.accountId)];
  if (q.organizationId) conditions.push(eq(auditEvents.organizationId, q.organizationId));
  if (q.targetId) conditions.push(eq(auditEvents.targetId, q.targetId));
  if (q.actorLabel) conditions.push(sql`lower(${auditEvents.actorLabel}) like ${escapeLike(q.actorLabel.toLowerCase()) + '%'}`);
  if (q.actionPrefix) conditions.push(sql`${auditEvents.action} like ${escapeLike(q.actionPrefix) + '%'}`);
  if (q.actorTypes?.length) conditions.push(inArray(auditEvents.actorType, q.actorTypes));
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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
