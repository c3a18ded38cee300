import type { ActivityEvent, ListActivityInput } from '@mailyard/core/activity';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { auditPage, withinOrganization } from './page.ts';

/**
 * The Activity view: what happened in an organization, or to one user or group (`targetId`), newest first, narrowed
 * by who acted and by action (prefixes). Only this account's events are read, so another tenant's never show.
 */
export async function listActivity(db: Db, actor: OperatorActor, input: ListActivityInput): Promise<Page<ActivityEvent>> {
  await requireOrganization(db, actor, input.organizationId);
  const scope = `activity:${JSON.stringify([input.organizationId, input.targetId ?? null, input.actor ?? null, input.action ?? null])}`;
  const filter = {
    accountId: actor.accountId,
    organizationId: input.organizationId,
    targetId: input.targetId ?? null,
    actorLabel: input.actor ?? null,
    actionPrefix: input.action ?? null,
  };
  return withinOrganization(await auditPage(db, scope, filter, input));
}
