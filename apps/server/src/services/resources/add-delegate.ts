import { failIf } from '@mailyard/core/errors';
import { canEditResource, type ResourceDelegateInput } from '@mailyard/core/resources';
import { lockEntity } from '@mailyard/db/queries/entities';
import { insertResourceDelegate } from '@mailyard/db/queries/resources';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { auditRef, requireLive } from '../entities/require.ts';
import { changeResource, resourceTarget } from './require.ts';

/**
 * Makes a user or group a delegate of a resource, answering its booking requests (WorkMail's
 * AssociateDelegateToResource); adding one again changes nothing. The delegate is share-locked, so a concurrent
 * delete of it waits and then takes the delegation away with it.
 */
export async function addResourceDelegate(deps: Deps, actor: OperatorActor, input: ResourceDelegateInput): Promise<{ added: boolean }> {
  return changeResource(deps, actor, input, async (tx, resource, now) => {
    failIf(canEditResource(resource));
    const delegate = requireLive(await lockEntity(tx, input.organizationId, input.delegateId, input.delegateType), 'delegateId');
    const added = await insertResourceDelegate(tx, {
      organizationId: input.organizationId,
      resourceId: resource.id,
      delegateId: delegate.id,
      delegateType: delegate.type,
      createdAt: now,
    });
    if (added) {
      await recordAudit(tx, actor, { action: 'resource.delegate.add', organizationId: input.organizationId, target: resourceTarget(resource), after: { delegate: auditRef(delegate) } }, now);
    }
    return { added };
  });
}
