import { failIf } from '@mailyard/core/errors';
import { canEnableResource, uuidOfResourceId, type EnableResourceInput, type ResourceDetail } from '@mailyard/core/resources';
import { updateResource } from '@mailyard/db/queries/resources';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { addressOrigin } from '../addresses/claim.ts';
import { changePrimaryAddress } from '../addresses/set-primary.ts';
import { recordAudit } from '../audit.ts';
import { changeResource, resourceTarget } from './require.ts';

/**
 * Enables a resource with its address (WorkMail's RegisterToWorkMail): the address must be free and on a verified
 * domain of the organization. As for a group, enabling again with its own address changes nothing and with another
 * is refused; a disabled resource enabled with another address lets its old one go.
 */
export async function enableResource(deps: Deps, actor: OperatorActor, input: EnableResourceInput): Promise<ResourceDetail> {
  return changeResource(deps, actor, input, async (tx, resource, now) => {
    failIf(canEnableResource(resource, input.email));
    if (resource.state === 'ENABLED') return resource;
    const { organizationId, email } = input;
    const entity = { organizationId, type: 'RESOURCE', id: uuidOfResourceId(resource.id), email: resource.email } as const;
    await changePrimaryAddress(tx, entity, email, { field: 'email', origin: addressOrigin(actor), now, freeOld: true });
    await updateResource(tx, organizationId, resource.id, { state: 'ENABLED', enabledAt: now, disabledAt: null, updatedAt: now });
    await recordAudit(
      tx,
      actor,
      { action: 'resource.enable', organizationId, target: resourceTarget(resource), before: { state: resource.state, email: resource.email }, after: { state: 'ENABLED', email } },
      now,
    );
    return { ...resource, state: 'ENABLED', email, enabledAt: now, disabledAt: null, updatedAt: now };
  });
}
