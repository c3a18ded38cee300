import { randomUUID } from 'node:crypto';
import type { CreateGroupInput, GroupDetail } from '@mailyard/core/groups';
import { inTransaction } from '@mailyard/db';
import { insertGroup } from '@mailyard/db/queries/groups';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { addressOrigin, claimAddress } from '../addresses/claim.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { claimEntityName, failOnNameIndex } from '../entities/claim-name.ts';
import { groupTarget } from './require.ts';

/**
 * Creates a group. As WorkMail's CreateGroup it starts DISABLED without an address; given `email`, the console's
 * one-step form, it is created enabled with that address in the same transaction.
 */
export async function createGroup(deps: Deps, actor: OperatorActor, input: CreateGroupInput): Promise<GroupDetail> {
  const now = deps.clock();
  try {
    return await inTransaction(deps.db, async (tx) => {
      const org = await requireActiveOrganization(tx, actor, input.organizationId);
      await claimEntityName(tx, org.id, { type: 'GROUP', name: input.name });
      const id = randomUUID();
      const email = input.email ?? null;
      const group = await insertGroup(tx, {
        organizationId: org.id,
        id,
        name: input.name,
        primaryEmail: email,
        state: email ? 'ENABLED' : 'DISABLED',
        hiddenFromGlobalAddressList: input.hiddenFromGlobalAddressList,
        enabledAt: email ? now : null,
        createdAt: now,
      });
      if (email) {
        const claim = { organizationId: org.id, entityId: id, entityType: 'GROUP', address: email, isPrimary: true, field: 'email' } as const;
        await claimAddress(tx, { ...claim, origin: addressOrigin(actor) }, now);
      }
      await recordAudit(
        tx,
        actor,
        {
          action: 'group.create',
          organizationId: org.id,
          target: groupTarget(group),
          after: { name: group.name, email: group.email, state: group.state, hiddenFromGlobalAddressList: group.hiddenFromGlobalAddressList },
        },
        now,
      );
      return group;
    });
  } catch (error) {
    failOnNameIndex(error, 'groups_name_key', { type: 'GROUP', name: input.name });
    throw error;
  }
}
