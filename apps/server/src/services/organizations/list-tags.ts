import type { Tag } from '@mailyard/core/organizations';
import type { Db } from '@mailyard/db';
import { listOrganizationTags } from '@mailyard/db/queries/organization-tags';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from './require.ts';

/** The organization's tags by key, in any state (a Deleted organization keeps its tags, as it stays describable). */
export async function listTags(db: Db, actor: OperatorActor, organizationId: string): Promise<Tag[]> {
  const org = await requireOrganization(db, actor, organizationId);
  return listOrganizationTags(db, org.id);
}
