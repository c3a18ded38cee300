import { fail, failIf } from '@mailyard/core/errors';
import { bookingRefusal, type ResourceDelegateInput } from '@mailyard/core/resources';
import { countResourceDelegates, deleteResourceDelegate } from '@mailyard/db/queries/resources';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { auditRef, findEntity } from '../entities/require.ts';
import { changeResource, resourceTarget } from './require.ts';

/**
 * Removes a delegate from a resource (WorkMail's DisassociateDelegateFromResource). The last delegate of a resource
 * that does not accept requests by itself stays: nobody would answer them.
 */
export async function removeResourceDelegate(deps: Deps, actor: OperatorActor, input: ResourceDelegateInput): Promise<void> {
  await changeResource(deps, actor, input, async (tx, resource, now) => {
    const { organizationId } = input;
    const delegate = await findEntity(tx, organizationId, input.delegateId, input.delegateType);
    const removed = delegate !== null && (await deleteResourceDelegate(tx, { organizationId, resourceId: resource.id, delegateId: delegate.id }));
    if (!removed) {
      const who = delegate ? `${delegate.type === 'GROUP' ? 'Group' : 'User'} "${delegate.name}"` : input.delegateId;
      fail('RESOURCE.DELEGATE_NOT_FOUND', `${who} is not a delegate of resource "${resource.name}".`, { field: 'delegateId' });
    }
    failIf(bookingRefusal(resource.bookingOptions, await countResourceDelegates(tx, organizationId, resource.id), 'delegateId'));
    await recordAudit(tx, actor, { action: 'resource.delegate.remove', organizationId, target: resourceTarget(resource), before: { delegate: auditRef(delegate!) } }, now);
  });
}
