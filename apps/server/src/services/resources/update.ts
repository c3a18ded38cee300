import { failIf } from '@mailyard/core/errors';
import { bookingRefusal, canEditResource, uuidOfResourceId, type ResourceDetail, type UpdateResourceInput } from '@mailyard/core/resources';
import { countResourceDelegates, updateResource as writeResource, type ResourcePatch } from '@mailyard/db/queries/resources';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { claimEntityName, failOnNameIndex } from '../entities/claim-name.ts';
import { changeResource, resourceTarget } from './require.ts';

type Changeable = 'name' | 'type' | 'description' | 'hiddenFromGlobalAddressList' | 'bookingOptions';

/**
 * Changes a resource's name, type, description, address-book visibility and booking options (WorkMail's
 * UpdateResource): what the input leaves out stays; an empty description clears it. A new name must be free among
 * users, groups and resources; turning automatic acceptance off needs a delegate. Audited with what changed only.
 */
export async function updateResource(deps: Deps, actor: OperatorActor, input: UpdateResourceInput): Promise<ResourceDetail> {
  try {
    return await changeResource(deps, actor, input, async (tx, resource, now) => {
      failIf(canEditResource(resource));
      const next: Pick<ResourceDetail, Changeable> = {
        name: input.name ?? resource.name,
        type: input.type ?? resource.type,
        description: input.description === undefined ? resource.description : input.description || null,
        hiddenFromGlobalAddressList: input.hiddenFromGlobalAddressList ?? resource.hiddenFromGlobalAddressList,
        bookingOptions: { ...resource.bookingOptions, ...input.bookingOptions },
      };
      const changed = (Object.keys(next) as Changeable[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(resource[k]));
      if (changed.length === 0) return resource;
      if (changed.includes('name')) await claimEntityName(tx, input.organizationId, { type: 'RESOURCE', name: next.name, id: uuidOfResourceId(resource.id) });
      if (changed.includes('bookingOptions')) {
        failIf(bookingRefusal(next.bookingOptions, await countResourceDelegates(tx, input.organizationId, resource.id), 'bookingOptions.autoAcceptRequests'));
      }
      const patch: ResourcePatch = { updatedAt: now };
      for (const key of changed) Object.assign(patch, { [key]: next[key] });
      await writeResource(tx, input.organizationId, resource.id, patch);
      await recordAudit(
        tx,
        actor,
        {
          action: 'resource.update',
          organizationId: input.organizationId,
          target: resourceTarget(resource),
          before: Object.fromEntries(changed.map((k) => [k, resource[k]])),
          after: Object.fromEntries(changed.map((k) => [k, next[k]])),
        },
        now,
      );
      return { ...resource, ...next, updatedAt: now };
    });
  } catch (error) {
    if (input.name !== undefined) failOnNameIndex(error, 'resources_name_key', { type: 'RESOURCE', name: input.name });
    throw error;
  }
}
