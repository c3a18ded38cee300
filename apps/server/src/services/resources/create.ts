import { randomUUID } from 'node:crypto';
import { DEFAULT_BOOKING_OPTIONS, resourceIdOf, type CreateResourceInput, type ResourceDetail } from '@mailyard/core/resources';
import { inTransaction } from '@mailyard/db';
import { insertResource } from '@mailyard/db/queries/resources';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { claimEntityName, failOnNameIndex } from '../entities/claim-name.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { resourceTarget } from './require.ts';

/**
 * Creates a room or a piece of equipment (WorkMail's CreateResource): DISABLED without an address, accepting requests
 * by itself (the default booking options). Its name must be free among the organization's users, groups and resources.
 */
export async function createResource(deps: Deps, actor: OperatorActor, input: CreateResourceInput): Promise<ResourceDetail> {
  const now = deps.clock();
  try {
    return await inTransaction(deps.db, async (tx) => {
      const org = await requireActiveOrganization(tx, actor, input.organizationId);
      await claimEntityName(tx, org.id, { type: 'RESOURCE', name: input.name });
      const resource = await insertResource(tx, {
        organizationId: org.id,
        id: resourceIdOf(randomUUID()),
        name: input.name,
        type: input.type,
        description: input.description ?? null,
        hiddenFromGlobalAddressList: input.hiddenFromGlobalAddressList,
        bookingOptions: DEFAULT_BOOKING_OPTIONS,
        createdAt: now,
      });
      const { name, type, description, state, hiddenFromGlobalAddressList, bookingOptions } = resource;
      await recordAudit(
        tx,
        actor,
        { action: 'resource.create', organizationId: org.id, target: resourceTarget(resource), after: { name, type, description, state, hiddenFromGlobalAddressList, bookingOptions } },
        now,
      );
      return resource;
    });
  } catch (error) {
    failOnNameIndex(error, 'resources_name_key', { type: 'RESOURCE', name: input.name });
    throw error;
  }
}
