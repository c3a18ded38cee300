import { entityNotFound, type EntityState, type MemberType } from '@mailyard/core/entities';
import { fail, failIf, type Refusal } from '@mailyard/core/errors';
import { canChangeGroupAddresses } from '@mailyard/core/groups';
import { canChangeAddresses, canSetPrimaryAddress, type UserRole } from '@mailyard/core/users';
import type { Db } from '@mailyard/db';
import type { EntityType } from '@mailyard/db/queries/addresses';
import { findGroup } from '@mailyard/db/queries/groups';
import { findUser } from '@mailyard/db/queries/users';

/** A user or group whose addresses change: what the rules and the audit event need to know about it. */
export interface AddressHolder {
  organizationId: string;
  type: EntityType;
  id: string;
  name: string;
  state: EntityState;
  /** The primary address; `null` while never enabled. */
  email: string | null;
  /** A user's role (a system user keeps its primary address); absent for a group. */
  role?: UserRole;
  /** The audit target of a change to its addresses (`user` or `group`). */
  target: { type: 'user' | 'group'; id: string; label: string };
}

/**
 * The user or group `entityId` names in the organization (which the caller has already checked the actor may reach),
 * among the `kinds` the entry point deals with (the users router: users; /aws: both). Another organization's entity,
 * or one of another kind, is "not found" as that kind. `lock` holds its row, so changes to one entity's addresses
 * run one at a time.
 */
export async function requireAddressHolder(
  db: Db,
  organizationId: string,
  entityId: string,
  o: { kinds: readonly MemberType[]; lock?: boolean },
): Promise<AddressHolder> {
  const lock = o.lock ? 'update' : undefined;
  const user = o.kinds.includes('USER') ? await findUser(db, organizationId, entityId, lock) : null;
  if (user) {
    const target = { type: 'user', id: user.id, label: user.name } as const;
    return { organizationId, type: 'USER', id: user.id, name: user.name, state: user.state, email: user.email, role: user.role, target };
  }
  const group = o.kinds.includes('GROUP') ? await findGroup(db, organizationId, entityId, lock) : null;
  if (group) {
    const target = { type: 'group', id: group.id, label: group.name } as const;
    return { organizationId, type: 'GROUP', id: group.id, name: group.name, state: group.state, email: group.email, target };
  }
  if (o.kinds.length > 1) failIf(entityNotFound('entityId'));
  const [code, noun] = o.kinds[0] === 'GROUP' ? (['GROUP.NOT_FOUND', 'Group'] as const) : (['USER.NOT_FOUND', 'User'] as const);
  fail(code, `${noun} ${entityId} was not found in this organization.`, { field: 'entityId' });
}

/** Why the holder's aliases cannot change now (core's rule for its kind), or `null`. */
export const aliasChangeRefusal = (h: AddressHolder): Refusal | null =>
  h.type === 'USER' ? canChangeAddresses({ name: h.name, state: h.state, role: h.role ?? 'USER', email: h.email }) : canChangeGroupAddresses(h);

/** Why the holder's primary address cannot change now (core's rule for its kind), or `null`. */
export const primaryChangeRefusal = (h: AddressHolder): Refusal | null =>
  h.type === 'USER' ? canSetPrimaryAddress({ name: h.name, state: h.state, role: h.role ?? 'USER', email: h.email }) : canChangeGroupAddresses(h);
