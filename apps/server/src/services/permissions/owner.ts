import type { EntitySummary } from '@mailyard/core/entities';
import type { Db } from '@mailyard/db';
import { findEntityById, lockEntity } from '@mailyard/db/queries/entities';
import { requireLive } from '../entities/require.ts';

/**
 * The user or group whose mailbox a change is about, in the organization (which the caller has already checked
 * the actor may reach), not deleted. `lock` holds its row so it cannot be deleted meanwhile.
 */
export async function requireMailboxOwner(db: Db, organizationId: string, ownerId: string, options: { lock?: boolean } = {}): Promise<EntitySummary> {
  const owner = options.lock ? await lockEntity(db, organizationId, ownerId) : await findEntityById(db, organizationId, ownerId);
  return requireLive(owner, 'mailboxUserId');
}

/** The audit target of a change to a mailbox's permissions: its owner, so the owner's activity shows it. */
export const mailboxTarget = (owner: EntitySummary) => ({ type: owner.type === 'GROUP' ? 'group' : 'user', id: owner.id, label: owner.name });
