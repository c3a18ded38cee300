import { entityNotFound, type EntitySummary } from '@mailyard/core/entities';
import { fail, failIf } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { lockEntity } from '@mailyard/db/queries/entities';
import { findEntity, requireLive } from '../entities/require.ts';

/**
 * The user or group whose mailbox an operation is about, in any state, in the organization (which the caller has
 * already checked the actor may reach): one of another organization is "not found", like one that never existed.
 * `usersOnly` is for what only a user's mailbox has (quota, usage): anything else is then USER.NOT_FOUND. `live`
 * refuses a deleted owner; `lock` holds its row `FOR SHARE`, so it cannot be deleted meanwhile.
 */
export async function requireMailboxOwner(
  db: Db,
  organizationId: string,
  ownerId: string,
  o: { field: string; usersOnly?: boolean; live?: boolean; lock?: boolean },
): Promise<EntitySummary> {
  const type = o.usersOnly ? 'USER' : undefined;
  // lockEntity filters by `type` itself.
  const owner = o.lock ? await lockEntity(db, organizationId, ownerId, type) : await findEntity(db, organizationId, ownerId, type);
  if (!owner && type) fail('USER.NOT_FOUND', `User ${ownerId} was not found in this organization.`, { field: o.field });
  if (o.live) return requireLive(owner, o.field);
  if (!owner) failIf(entityNotFound(o.field));
  return owner!;
}

/** The audit target of a change to a mailbox: its owner, so the owner's activity shows it. */
export const mailboxTarget = (owner: Pick<EntitySummary, 'type' | 'id' | 'name'>) => ({ type: owner.type === 'GROUP' ? 'group' : 'user', id: owner.id, label: owner.name });

export function noMailbox(name: string): never {
  fail('MAILBOX.NOT_FOUND', `User "${name}" has no mailbox.`, { field: 'userId' });
}
