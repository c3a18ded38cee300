import { z } from 'zod';
import type { GroupSummary, ListGroupsOfEntityInput } from '@mailyard/core/groups';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { listGroupsOfMemberPage } from '@mailyard/db/queries/group-members';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { requireEntity } from '../entities/require.ts';
import { cursorKey, pageOf } from '../page.ts';
import { text } from '@mailyard/core/text';

const GroupKey = z.tuple([text(), z.guid()]);

/** A page of the groups a user or group is a direct member of, by name (WorkMail's ListGroupsForEntity). */
export async function listGroupsOf(db: Db, actor: OperatorActor, input: ListGroupsOfEntityInput): Promise<Page<GroupSummary>> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const entity = await requireEntity(db, org.id, input.entityId, 'entityId');
  const scope = JSON.stringify(['groups-of', org.id, entity.id, input.search ?? null]);
  const after = cursorKey(scope, input.cursor, GroupKey);
  const rows = await listGroupsOfMemberPage(db, { organizationId: org.id, memberId: entity.id, after, limit: input.limit + 1, search: input.search });
  const page = pageOf(rows, input.limit, scope, (row) => [row.sortKey, row.id]);
  return { ...page, items: page.items.map(({ sortKey: _, ...group }) => group) };
}
