import type { ResourceDetail, ResourceRef } from '@mailyard/core/resources';
import type { Db } from '@mailyard/db';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { requireResource } from './require.ts';

export async function getResource(db: Db, actor: OperatorActor, input: ResourceRef): Promise<ResourceDetail> {
  const org = await requireOrganization(db, actor, input.organizationId);
  return requireResource(db, org.id, input.resourceId);
}
