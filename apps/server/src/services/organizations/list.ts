import { fail } from '@mailyard/core/errors';
import type { OrganizationSummary } from '@mailyard/core/organizations';
import { decodeCursor, encodeCursor, type Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { listOrganizationsPage } from '@mailyard/db/queries/organizations';
import type { OperatorActor } from '../actor.ts';

export async function listOrganizations(
  db: Db,
  actor: OperatorActor,
  input: { cursor?: string | undefined; limit: number; includeDeleted: boolean },
): Promise<Page<OrganizationSummary>> {
  const scope = `organizations:${input.includeDeleted}`;
  let after: [string, string] | null = null;
  if (input.cursor) {
    const key = decodeCursor(scope, input.cursor);
    if (!key || typeof key[0] !== 'string' || typeof key[1] !== 'string') {
      fail('VALIDATION', 'The page cursor is invalid or belongs to another list.', { field: 'cursor' });
    }
    after = [key[0], key[1]];
  }
  const rows = await listOrganizationsPage(db, {
    accountId: actor.accountId,
    organizationIds: actor.organizationIds,
    after,
    limit: input.limit + 1,
    includeDeleted: input.includeDeleted,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > input.limit && last ? encodeCursor(scope, [last.createdAt.toISOString(), last.id]) : null,
  };
}
