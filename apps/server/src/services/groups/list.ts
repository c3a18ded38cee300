import { z } from 'zod';
import type { GroupSummary, ListGroupsInput } from '@mailyard/core/groups';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { listGroupsPage } from '@mailyard/db/queries/groups';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/access.ts';
import { cursorKey, pageOf } from '../page.ts';

const GroupKey = z.tuple([z.string(), z.guid()]);

/** A page of the organization's groups by name; search is a prefix of the name or the primary address. */
export async function listGroups(db: Db, actor: OperatorActor, input: ListGroupsInput): Promise<Page<GroupSummary>> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const scope = JSON.stringify(['groups', org.id, input.search ?? null, input.state ?? null]);
  const after = cursorKey(scope, input.cursor, GroupKey);
  const rows = await listGroupsPage(db, { organizationId: org.id, after, limit: input.limit + 1, search: input.search, state: input.state });
  const page = pageOf(rows, input.limit, scope, (row) => [row.sortKey, row.id]);
  return { ...page, items: page.items.map(({ sortKey: _, ...group }) => group) };
}
