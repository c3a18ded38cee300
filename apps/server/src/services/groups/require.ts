import { fail } from '@mailyard/core/errors';
import type { GroupDetail, GroupRef } from '@mailyard/core/groups';
import { inTransaction, type Db, type Transaction } from '@mailyard/db';
import { findGroup } from '@mailyard/db/queries/groups';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { requireActiveOrganization } from '../organizations/require.ts';

/**
 * The group if it belongs to the organization (which the caller has already checked the actor may reach). A group
 * of another organization is "not found", like one that never existed. `lock` holds the row for the transaction.
 */
export async function requireGroup(db: Db, organizationId: string, groupId: string, lock?: 'update' | 'share'): Promise<GroupDetail> {
  const group = await findGroup(db, organizationId, groupId, lock);
  if (!group) fail('GROUP.NOT_FOUND', `Group ${groupId} was not found in this organization.`, { field: 'groupId' });
  return group;
}

/** The audit target of a change to a group. */
export const groupTarget = (group: { id: string; name: string }) => ({ type: 'group', id: group.id, label: group.name });

/**
 * Runs `change` in one transaction on the group locked for update, in an Active organization the actor reaches:
 * the frame of every change to one group (rename, enable, disable, delete, settings).
 */
export function changeGroup<T>(
  deps: Deps,
  actor: OperatorActor,
  ref: GroupRef,
  change: (tx: Transaction, group: GroupDetail, now: Date) => Promise<T>,
): Promise<T> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, ref.organizationId);
    return change(tx, await requireGroup(tx, org.id, ref.groupId, 'update'), now);
  });
}
