import { fail } from '@mailyard/core/errors';
import type { ResourceDetail, ResourceRef } from '@mailyard/core/resources';
import { inTransaction, type Db, type Transaction } from '@mailyard/db';
import { findResource } from '@mailyard/db/queries/resources';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { requireActiveOrganization } from '../organizations/require.ts';

/** The resource if it belongs to the organization; one of another organization is "not found", like one that never existed. */
export async function requireResource(db: Db, organizationId: string, resourceId: string, lock?: 'update' | 'share'): Promise<ResourceDetail> {
  const resource = await findResource(db, organizationId, resourceId, lock);
  if (!resource) fail('RESOURCE.NOT_FOUND', `Resource ${resourceId} was not found in this organization.`, { field: 'resourceId' });
  return resource;
}

/** The audit target of a change to a resource. */
export const resourceTarget = (resource: { id: string; name: string }) => ({ type: 'resource', id: resource.id, label: resource.name });

/**
 * Runs `change` in one transaction on the resource locked for update, in an Active organization the actor reaches:
 * the frame of every change to one resource (update, enable, disable, delete, delegates).
 */
export function changeResource<T>(
  deps: Deps,
  actor: OperatorActor,
  ref: ResourceRef,
  change: (tx: Transaction, resource: ResourceDetail, now: Date) => Promise<T>,
): Promise<T> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, ref.organizationId);
    return change(tx, await requireResource(tx, org.id, ref.resourceId, 'update'), now);
  });
}
