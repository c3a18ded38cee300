import { z } from 'zod';
import type { ImportSummary, ListImportsInput } from '@mailyard/core/imports';
import type { ListTotal, Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { countImports as countImportsQuery, listImportsPage } from '@mailyard/db/queries/imports';
import type { OperatorActor } from '../actor.ts';
import { readInOrganization, requireOrganization } from '../organizations/require.ts';
import { cursorKey, pageOf } from '../page.ts';

const Key = z.tuple([z.iso.datetime(), z.guid()]);

/** The organization's imports, newest first. */
export async function listImports(db: Db, actor: OperatorActor, input: ListImportsInput): Promise<Page<ImportSummary>> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const scope = `imports:${org.id}`;
  const after = cursorKey(scope, input.cursor, Key);
  const rows = await listImportsPage(db, { organizationId: org.id, after, limit: input.limit + 1 });
  return pageOf(rows, input.limit, scope, (row) => [row.createdAt.toISOString(), row.id]);
}

/** How many imports the organization has had: the Imports list's total. */
export async function countImports(db: Db, actor: OperatorActor, input: { organizationId: string }): Promise<ListTotal> {
  return readInOrganization(db, actor, input.organizationId, () => countImportsQuery(db, input.organizationId));
}
