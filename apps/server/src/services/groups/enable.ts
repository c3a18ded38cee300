import { failIf } from '@mailyard/core/errors';
import { canEnableGroup, type EnableGroupInput, type GroupDetail } from '@mailyard/core/groups';
import { updateGroup } from '@mailyard/db/queries/groups';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { addressOrigin } from '../addresses/claim.ts';
import { changePrimaryAddress } from '../addresses/set-primary.ts';
import { recordAudit } from '../audit.ts';
import { changeGroup, groupTarget } from './require.ts';

/**
 * Enables a group with a primary address (WorkMail's RegisterToWorkMail). The address must be free (or one of the
 * group's aliases) and on a verified domain of the organization. A disabled group kept its addresses: enabling it
 * with the same one restores it; with another, that one replaces it and the old one is freed. An enabled group with
 * the same address is left as it is; with another address it is refused.
 */
export async function enableGroup(deps: Deps, actor: OperatorActor, input: EnableGroupInput): Promise<GroupDetail> {
  return changeGroup(deps, actor, input, async (tx, group, now) => {
    failIf(canEnableGroup(group, input.email));
    if (group.state === 'ENABLED') return group;
    const { organizationId, email } = input;
    const entity = { organizationId, type: 'GROUP', id: group.id, email: group.email } as const;
    await changePrimaryAddress(tx, entity, email, { field: 'email', origin: addressOrigin(actor), now, freeOld: true });
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
