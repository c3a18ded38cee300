import { resourceId, type ResourceDetail } from '@mailyard/core/resources';
import type { Db } from '@mailyard/db';
import { findResource, findResourceByAddress, findResourceByName } from '@mailyard/db/queries/resources';
import type { OperatorActor } from '../actor.ts';
import { requireActiveOrganization } from '../organizations/require.ts';

/**
 * The resource an identifier names in an Active organization the actor reaches (WorkMail's EntityIdentifier for a
 * resource: its `r-…` id, its address, or its name without case), or `null`. The organization is checked first.
 */
export async function resolveResource(db: Db, actor: OperatorActor, q: { organizationId: string; identifier: string }): Promise<ResourceDetail | null> {
  const org = await requireActiveOrganization(db, actor, q.organizationId);
  const identifier = q.identifier.trim();
  const id = resourceId.safeParse(identifier);
  if (id.success) return findResource(db, org.id, id.data);
  if (identifier.includes('@')) {
    const byAddress = await findResourceByAddress(db, org.id, identifier);
    if (byAddress) return byAddress;
  }
  return findResourceByName(db, org.id, identifier);
}
