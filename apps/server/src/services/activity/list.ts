import type { ActivityEvent, ListActivityInput } from '@mailyard/core/activity';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import type { OperatorActor } from '../actor.ts';
import { newestFirstAfter, newestFirstPage } from '../newest-first.ts';
import { requireOrganization } from '../organizations/access.ts';

/**
 * The Activity view: what happened in an organization, or to one user or group (`targetId`), newest first, narrowed
 * by who acted and by action (prefixes). Only this account's events are read, so another tenant's never show.
 */
export async function listActivity(db: Db, actor: OperatorActor, input: ListActivityInput): Promise<Page<ActivityEvent>> {
  await requireOrganization(db, actor, input.organizationId);
  // The cursor is bound to the filters: a cursor from another filter would skip or repeat events.
  const scope = `activity:${JSON.stringify([input.organizationId, input.targetId ?? null, input.actor ?? null, input.action ?? null])}`;
  const rows = await listAuditEvents(db, {
    accountId: actor.accountId,
    organizationId: input.organizationId,
    targetId: input.targetId ?? null,
    actorLabel: input.actor ?? null,
    actionPrefix: input.action ?? null,
    after: newestFirstAfter(scope, input.cursor),
    limit: input.limit + 1,
  });
  return newestFirstPage(
    scope,
    rows.map(({ organizationId: _org, ...event }) => event),
    input.limit,
  );
}
