import type { ListOutboxInput, OutboxEntry } from '@mailyard/core/notices';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { listOutboxPage } from '@mailyard/db/queries/outbox';
import type { OperatorActor } from '../actor.ts';
import { newestFirstAfter, newestFirstPage } from '../newest-first.ts';
import { requireOrganization } from '../organizations/access.ts';

/** The notices sent (or kept) for an organization's users, newest first. */
export async function listOutbox(db: Db, actor: OperatorActor, input: ListOutboxInput): Promise<Page<OutboxEntry>> {
  await requireOrganization(db, actor, input.organizationId);
  const scope = `outbox:${input.organizationId}`;
  const rows = await listOutboxPage(db, {
    organizationId: input.organizationId,
    after: newestFirstAfter(scope, input.cursor),
    limit: input.limit + 1,
  });
  return newestFirstPage(scope, rows, input.limit);
}
