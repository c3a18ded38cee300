import { failIf } from '@mailyard/core/errors';
import { canDisableResource, type ResourceDetail, type ResourceRef } from '@mailyard/core/resources';
import { updateResource } from '@mailyard/db/queries/resources';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { changeResource, resourceTarget } from './require.ts';

/** Disables a resource (WorkMail's DeregisterFromWorkMail). It keeps its address and delegates until it is deleted. */
export async function disableResource(deps: Deps, actor: OperatorActor, input: ResourceRef): Promise<ResourceDetail> {
  return changeResource(deps, actor, input, async (tx, resource, now) => {
    failIf(canDisableResource(resource));
    await updateResource(tx, input.organizationId, resource.id, { state: 'DISABLED', disabledAt: now, updatedAt: now });
    await recordAudit(
      tx,
      actor,
      { action: 'resource.disable', organizationId: input.organizationId, target: resourceTarget(resource), before: { state: resource.state }, after: { state: 'DISABLED' } },
      now,
    );
    return { ...resource, state: 'DISABLED', disabledAt: now, updatedAt: now };
  });
}
