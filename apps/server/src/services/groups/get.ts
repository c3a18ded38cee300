import type { GroupDetail, GroupRef } from '@mailyard/core/groups';
import type { Db } from '@mailyard/db';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { requireGroup } from './require.ts';

export async function getGroup(db: Db, actor: OperatorActor, input: GroupRef): Promise<GroupDetail> {
  const org = await requireOrganization(db, actor, input.organizationId);
  return requireGroup(db, org.id, input.groupId);
}
