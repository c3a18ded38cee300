import { z } from 'zod';
import type { GroupSummary, ListGroupsInput } from '@mailyard/core/groups';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { listGroupsPage } from '@mailyard/db/queries/groups';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { cursorKey, pageOf } from '../page.ts';
import { text } from '@mailyard/core/text';

const GroupKey = z.tuple([text(), z.guid()]);

/** A page of the organization's groups by name; the search box matches a prefix of the name or the primary address. */
export async function listGroups(db: Db, actor: OperatorActor, input: ListGroupsInput): Promise<Page<GroupSummary>> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const filters = { search: input.search, namePrefix: input.namePrefix, emailPrefix: input.primaryEmailPrefix, state: input.state };
  // A cursor resumes only the list it came from: same organization, same filters.
  const scope = JSON.stringify(['groups', org.id, filters]);
  const after = cursorKey(scope, input.cursor, GroupKey);
  const rows = await listGroupsPage(db, { organizationId: org.id, ...filters, after, limit: input.limit + 1 });
  const page = pageOf(rows, input.limit, scope, (row) => [row.sortKey, row.id]);
  return { ...page, items: page.items.map(({ sortKey: _, ...group }) => group) };
}
