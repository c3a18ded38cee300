import type { ActivityEvent } from '@mailyard/core/activity';
import type { Page } from '@mailyard/core/pagination';
import type { RecentChangesInput } from '@mailyard/core/portal';
import type { Db } from '@mailyard/db';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import type { UserActor } from '../actor.ts';
import { newestFirstAfter, newestFirstPage } from '../newest-first.ts';

/**
 * What operators (and the system on their behalf) changed on the user's account, newest first: the events whose
 * target is this user, not the user's own actions.
 */
export async function listRecentChanges(db: Db, actor: UserActor, input: RecentChangesInput): Promise<Page<ActivityEvent>> {
  const scope = 'portal-recent-changes';
  const rows = await listAuditEvents(db, {
    accountId: actor.accountId,
    organizationId: actor.organizationId,
    targetId: actor.userId,
    actorTypes: ['operator', 'system'],
    after: newestFirstAfter(scope, input.cursor),
    limit: input.limit + 1,
  });
  return newestFirstPage(
    scope,
    rows.map(({ organizationId: _org, ...event }) => event),
    input.limit,
  );
}
