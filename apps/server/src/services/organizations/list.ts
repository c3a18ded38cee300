import { z } from 'zod';
import type { OrganizationSummary } from '@mailyard/core/organizations';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { listOrganizationsPage } from '@mailyard/db/queries/organizations';
import type { OperatorActor } from '../actor.ts';
import { cursorKey, pageOf } from '../page.ts';
import { text } from '@mailyard/core/text';

const OrganizationKey = z.tuple([z.iso.datetime(), text()]);

/** The account's organizations (those a scoped credential reaches), newest first. */
export async function listOrganizations(
  db: Db,
  actor: OperatorActor,
  input: { cursor?: string | undefined; limit: number; includeDeleted: boolean },
): Promise<Page<OrganizationSummary>> {
  const scope = `organizations:${input.includeDeleted}`;
  const rows = await listOrganizationsPage(db, {
    accountId: actor.accountId,
    organizationIds: actor.organizationIds,
    after: cursorKey(scope, input.cursor, OrganizationKey),
    limit: input.limit + 1,
    includeDeleted: input.includeDeleted,
  });
  return pageOf(rows, input.limit, scope, (row) => [row.createdAt.toISOString(), row.id]);
}
