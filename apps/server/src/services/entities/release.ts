import type { Db } from '@mailyard/db';
import { deleteEntityAddresses } from '@mailyard/db/queries/addresses';
import { deleteMemberships } from '@mailyard/db/queries/group-members';
import { deleteEntityMailboxPermissions } from '@mailyard/db/queries/mailboxes';

/**
 * What a user or group being deleted lets go of: its addresses (free for anyone to take), the permissions on its
 * mailbox and given to it, and its place in every group. Returns what went, for the delete's audit event.
 */
export async function releaseEntity(
  tx: Db,
  organizationId: string,
  entityId: string,
): Promise<{ freedAddresses: string[]; permissionsRemoved: number; groupsLeft: number }> {
  const freedAddresses = await deleteEntityAddresses(tx, organizationId, entityId);
  const permissionsRemoved = await deleteEntityMailboxPermissions(tx, organizationId, entityId);
  const groupsLeft = await deleteMemberships(tx, organizationId, entityId);
  return { freedAddresses, permissionsRemoved, groupsLeft };
}
