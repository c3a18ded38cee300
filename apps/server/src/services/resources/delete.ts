import { failIf } from '@mailyard/core/errors';
import { canDeleteResource, uuidOfResourceId, type ResourceDetail, type ResourceRef } from '@mailyard/core/resources';
import { deleteEntityAddresses } from '@mailyard/db/queries/addresses';
import { deleteAllResourceDelegates, updateResource } from '@mailyard/db/queries/resources';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { changeResource, resourceTarget } from './require.ts';

/** Deletes a disabled resource: it ends DELETED (its name is free again), its address is freed and its delegates removed. */
export async function deleteResource(deps: Deps, actor: OperatorActor, input: ResourceRef): Promise<ResourceDetail> {
  return changeResource(deps, actor, input, async (tx, resource, now) => {
    failIf(canDeleteResource(resource));
    const { organizationId } = input;
    const freedAddresses = await deleteEntityAddresses(tx, organizationId, uuidOfResourceId(resource.id));
    const delegatesRemoved = await deleteAllResourceDelegates(tx, organizationId, resource.id);
    await updateResource(tx, organizationId, resource.id, { state: 'DELETED', primaryEmail: null, updatedAt: now });
    await recordAudit(
      tx,
      actor,
      {
        action: 'resource.delete',
        organizationId,
        target: resourceTarget(resource),
        before: { state: resource.state, email: resource.email },
        after: { state: 'DELETED', freedAddresses, delegatesRemoved },
      },
      now,
    );
    return { ...resource, state: 'DELETED', email: null, updatedAt: now };
  });
}
