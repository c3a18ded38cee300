import { z } from 'zod';
import type { ListOutboxInput, OutboxEntry } from '@mailyard/core/notices';
import type { ListTotal, Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { countOutbox as countOutboxQuery, listOutboxPage } from '@mailyard/db/queries/outbox';
import type { OperatorActor } from '../actor.ts';
import { readInOrganization, requireOrganization } from '../organizations/require.ts';
import { cursorKey, pageOf } from '../page.ts';

const Key = z.tuple([z.iso.datetime(), z.number().int().positive()]);

/** The notices sent (or kept) for an organization's users, newest first. */
export async function listOutbox(db: Db, actor: OperatorActor, input: ListOutboxInput): Promise<Page<OutboxEntry>> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const scope = `outbox:${org.id}`;
  const rows = await listOutboxPage(db, { organizationId: org.id, after: cursorKey(scope, input.cursor, Key), limit: input.limit + 1 });
  return pageOf(rows, input.limit, scope, (row) => [row.createdAt.toISOString(), row.id]);
}

/** How many notices the organization's outbox holds: its list's total. */
export async function countOutbox(db: Db, actor: OperatorActor, input: { organizationId: string }): Promise<ListTotal> {
  return readInOrganization(db, actor, input.organizationId, () => countOutboxQuery(db, input.organizationId));
}
