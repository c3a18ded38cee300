import type { ActivityEvent } from '@mailyard/core/activity';
import type { Page } from '@mailyard/core/pagination';
import type { RecentChangesInput } from '@mailyard/core/portal';
import type { Db } from '@mailyard/db';
import type { UserActor } from '../actor.ts';
import { auditPage, withinOrganization } from '../activity/page.ts';

/**
 * What operators (and the system on their behalf) changed on the user's account, newest first: the events whose
 * target is this user, not the user's own actions.
 */
export async function listRecentChanges(db: Db, actor: UserActor, input: RecentChangesInput): Promise<Page<ActivityEvent>> {
  const filter = { accountId: actor.accountId, organizationId: actor.organizationId, targetId: actor.userId, actorTypes: ['operator', 'system'] };
  return withinOrganization(await auditPage(db, 'portal-recent-changes', filter, input));
}
