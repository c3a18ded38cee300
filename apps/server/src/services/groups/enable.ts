import { failIf } from '@mailyard/core/errors';
import { canEnableGroup, type EnableGroupInput, type GroupDetail } from '@mailyard/core/groups';
import { deleteAddress } from '@mailyard/db/queries/addresses';
import { updateGroup } from '@mailyard/db/queries/groups';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { claimAddress } from '../addresses/claim.ts';
import { recordAudit } from '../audit.ts';
import { addressOrigin } from '../users/access.ts';
import { changeGroup, groupTarget } from './require.ts';

/**
 * Enables a group with a primary address (WorkMail's RegisterToWorkMail). The address must be free and on a
 * verified domain of the organization. A disabled group kept its address: enabling it with the same one restores
 * it; with another, that one replaces it and the old one is freed. An enabled group with the same address is left
 * as it is; with another address it is refused.
 */
export async function enableGroup(deps: Deps, actor: OperatorActor, input: EnableGroupInput): Promise<GroupDetail> {
  return changeGroup(deps, actor, input, async (tx, group, now) => {
    failIf(canEnableGroup(group, input.email));
    if (group.state === 'ENABLED') return group;
    const { organizationId, email } = input;
    if (group.email !== email) {
      if (group.email) await deleteAddress(tx, { organizationId, entityId: group.id, address: group.email });
      const claim = { organizationId, entityId: group.id, entityType: 'GROUP', address: email, isPrimary: true, field: 'email' } as const;
      await claimAddress(tx, { ...claim, origin: addressOrigin(actor) }, now);
    }
    await updateGroup(tx, organizationId, group.id, { state: 'ENABLED', primaryEmail: email, enabledAt: now, disabledAt: null, updatedAt: now });
    await recordAudit(
      tx,
      actor,
      {
        action: 'group.enable',
        organizationId,
        target: groupTarget(group),
        before: { state: group.state, email: group.email },
        after: { state: 'ENABLED', email },
      },
      now,
    );
    return { ...group, state: 'ENABLED', email, enabledAt: now, disabledAt: null, updatedAt: now };
  });
}
