import { fail } from '@mailyard/core/errors';
import type { Refusal } from '@mailyard/core/errors';
import type { UserFacts, UserRecord } from '@mailyard/core/users';
import type { Db } from '@mailyard/db';
import { findUser, lockUsers } from '@mailyard/db/queries/users';

/**
 * The user if it belongs to the organization (which the caller has already checked the actor may reach).
 * A user of another organization is "not found", like one that never existed.
 */
export async function requireUser(db: Db, organizationId: string, userId: string, options: { lock?: boolean; field?: string } = {}): Promise<UserRecord> {
  const user = await findUser(db, organizationId, userId, options.lock ? 'update' : undefined);
  return user ?? userNotFound(userId, options.field ?? 'userId');
}

/** The users a bulk action selected, locked, in the order given; one not in the organization is refused naming its row (`fieldOf`). */
export async function requireLockedUsers(db: Db, organizationId: string, userIds: string[], fieldOf: (index: number) => string): Promise<UserRecord[]> {
  const locked = new Map((await lockUsers(db, organizationId, userIds)).map((u) => [u.id, u]));
  return userIds.map((id, i) => locked.get(id.toLowerCase()) ?? userNotFound(id, fieldOf(i)));
}

const userNotFound = (userId: string, field: string): never =>
  fail('USER.NOT_FOUND', `User ${userId} was not found in this organization.`, { field });

export const userFacts = (user: UserRecord): UserFacts => ({ name: user.name, state: user.state, role: user.role, email: user.email });

/** The audit target of a change to a user. */
export const userTarget = (user: { id: string; name: string }) => ({ type: 'user', id: user.id, label: user.name });

/** A refusal about one row of a bulk action names that row's field (`users.2.email`). */
export const refusedAt = (refused: Refusal | null, field: string): Refusal | null =>
  refused && { ...refused, details: { ...refused.details, field } };
