import type { Db } from '@mailyard/db';
import { deleteEntityAddresses } from '@mailyard/db/queries/addresses';
import { deleteMemberships } from '@mailyard/db/queries/group-members';
import { deleteEntityMailboxPermissions } from '@mailyard/db/queries/mailboxes';
import { deleteUserMobileDeviceAccessOverrides } from '@mailyard/db/queries/mobile-access';
import { deleteDelegations } from '@mailyard/db/queries/resources';

/**
 * What a user or group being deleted lets go of: its addresses (free for anyone to take), the permissions on its
 * mailbox and given to it, its place in every group and among the delegates of every resource, and the mobile device
 * access overrides of its devices (a group has none). Returns what went, for the delete's audit event.
 */
export async function releaseEntity(
  tx: Db,
  organizationId: string,
  entityId: string,
): Promise<{ freedAddresses: string[]; permissionsRemoved: number; groupsLeft: number; delegationsRemoved: number; overridesRemoved: number }> {
  const freedAddresses = await deleteEntityAddresses(tx, organizationId, entityId);
  const permissionsRemoved = await deleteEntityMailboxPermissions(tx, organizationId, entityId);
  const groupsLeft = await deleteMemberships(tx, organizationId, entityId);
  const delegationsRemoved = await deleteDelegations(tx, organizationId, entityId);
  const overridesRemoved = await deleteUserMobileDeviceAccessOverrides(tx, organizationId, entityId);
  return { freedAddresses, permissionsRemoved, groupsLeft, delegationsRemoved, overridesRemoved };
}
