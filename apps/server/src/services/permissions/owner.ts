import { liveEntityProblem, type EntitySummary } from '@mailyard/core/entities';
import { failIf } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { findEntityById, lockEntity } from '@mailyard/db/queries/entities';

/**
 * The user or group whose mailbox an operation is about, in the organization (which the caller has already
 * checked the actor may reach). Changes refuse a deleted owner; `lock` holds its row so it cannot be deleted
 * meanwhile.
 */
export async function requireMailboxOwner(db: Db, organizationId: string, ownerId: string, options: { lock?: boolean } = {}): Promise<EntitySummary> {
  const owner = options.lock ? await lockEntity(db, organizationId, ownerId) : await findEntityById(db, organizationId, ownerId);
  failIf(liveEntityProblem(owner, 'mailboxUserId'));
  return owner!;
}

/** The audit target of a change to a mailbox's permissions: its owner, so the owner's activity shows it. */
export const mailboxTarget = (owner: EntitySummary) => ({ type: owner.type === 'GROUP' ? 'group' : 'user', id: owner.id, label: owner.name });

/** How a grantee is recorded in audit events. */
export const granteeFacts = (grantee: EntitySummary) => ({ id: grantee.id, type: grantee.type, name: grantee.name });
