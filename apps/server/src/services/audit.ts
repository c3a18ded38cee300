import type { Db } from '@mailyard/db';
import { insertAuditEvent } from '@mailyard/db/queries/audit';
import type { Actor } from './actor.ts';

export interface AuditEntry {
  action: string;
  organizationId?: string | null;
  /** For system actors the account is looked up by the caller; operators and users carry theirs. */
  accountId?: string | null;
  target: { type: string; id: string; label?: string | null };
  before?: unknown;
  after?: unknown;
}

/** Writes one audit event in the caller's transaction, so it exists exactly when the change commits. */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  await insertAuditEvent(db, {
    accountId: entry.accountId ?? (actor.type === 'system' ? null : actor.accountId),
    organizationId: entry.organizationId ?? (actor.type === 'user' ? actor.organizationId : null),
    actorType: actor.type,
    actorId: actor.type === 'operator' ? actor.operatorId : actor.type === 'user' ? actor.userId : null,
    actorLabel: actor.label,
    via: actor.type === 'system' ? null : actor.via,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    targetLabel: entry.target.label ?? null,
    before: entry.before,
    after: entry.after,
    createdAt: at,
  });
}
