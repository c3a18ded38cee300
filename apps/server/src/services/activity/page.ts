import type { AccountActivityEvent, ActivityEvent } from '@mailyard/core/activity';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { newestFirstAfter, newestFirstPage } from '../newest-first.ts';

type AuditFilter = Omit<Parameters<typeof listAuditEvents>[1], 'after' | 'limit'>;

/**
 * A page of the audit trail matching `filter` (always one account's), newest first. The cursor is bound to `scope`,
 * which must name the filters: a cursor from another filter would skip or repeat events.
 */
export async function auditPage(db: Db, scope: string, filter: AuditFilter, page: { cursor?: string | undefined; limit: number }): Promise<Page<AccountActivityEvent>> {
  const rows = await listAuditEvents(db, { ...filter, after: newestFirstAfter(scope, page.cursor), limit: page.limit + 1 });
  return newestFirstPage(scope, rows, page.limit);
}

/** A page of one organization's events, which need not repeat the organization on every row. */
export const withinOrganization = (page: Page<AccountActivityEvent>): Page<ActivityEvent> => ({
  ...page,
  items: page.items.map(({ organizationId: _org, ...event }) => event),
});
