import { z } from 'zod';
import type { AccountActivityEvent, ActivityEvent } from '@mailyard/core/activity';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { cursorKey, pageOf } from '../page.ts';

type AuditFilter = Omit<Parameters<typeof listAuditEvents>[1], 'after' | 'limit'>;

/** Events are read newest first on `(created_at, id)`. */
const Key = z.tuple([z.iso.datetime(), z.number().int().positive()]);

/**
 * A page of the audit trail matching `filter` (always one account's), newest first. The cursor is bound to `scope`,
 * which must name the filters: a cursor from another filter would skip or repeat events.
 */
export async function auditPage(db: Db, scope: string, filter: AuditFilter, page: { cursor?: string | undefined; limit: number }): Promise<Page<AccountActivityEvent>> {
  const rows = await listAuditEvents(db, { ...filter, after: cursorKey(scope, page.cursor, Key), limit: page.limit + 1 });
  return pageOf(rows, page.limit, scope, (row) => [row.createdAt.toISOString(), row.id]);
}

/** A page of one organization's events, which need not repeat the organization on every row. */
export const withinOrganization = (page: Page<AccountActivityEvent>): Page<ActivityEvent> => ({
  ...page,
  items: page.items.map(({ organizationId: _org, ...event }) => event),
});
