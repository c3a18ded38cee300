import type { ActivityEvent, CountActivityInput, ListActivityInput } from '@mailyard/core/activity';
import type { ListTotal, Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { countAuditEvents } from '@mailyard/db/queries/audit';
import type { OperatorActor } from '../actor.ts';
import { readInOrganization } from '../organizations/require.ts';
import { auditPage, withinOrganization } from './page.ts';

/** The events the Activity view reads: this account's only, so another tenant's never show. */
const filterOf = (actor: OperatorActor, input: CountActivityInput) => ({
  accountId: actor.accountId,
  organizationId: input.organizationId,
  targetId: input.targetId ?? null,
  actorLabel: input.actor ?? null,
  actionPrefix: input.action ?? null,
});

/**
 * The Activity view: what happened in an organization, or to one user or group (`targetId`), newest first, narrowed
 * by who acted and by action (prefixes).
 */
export async function listActivity(db: Db, actor: OperatorActor, input: ListActivityInput): Promise<Page<ActivityEvent>> {
  const scope = `activity:${JSON.stringify([input.organizationId, input.targetId ?? null, input.actor ?? null, input.action ?? null])}`;
  return withinOrganization(await readInOrganization(db, actor, input.organizationId, () => auditPage(db, scope, filterOf(actor, input), input)));
}

/** How many events the Activity view holds under the same filters: exact when cheap to count, else an estimate so labelled. */
export async function countActivity(db: Db, actor: OperatorActor, input: CountActivityInput): Promise<ListTotal> {
  return readInOrganization(db, actor, input.organizationId, () => countAuditEvents(db, filterOf(actor, input)));
}
