import { normalizeAddress } from '../addresses/address.ts';
import type { ErrorCode } from '../errors/codes.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';
import type { EntityState } from './state.ts';

/**
 * The lifecycle shared by users and groups (WorkMail §2.4): ENABLED ⇄ DISABLED → DELETED. Each check names the
 * entity so bulk actions can report per row.
 */
export interface LifecycleSubject {
  /** "User" or "Group", for the sentence. */
  noun: string;
  name: string;
  state: EntityState;
  /** USER.INVALID_STATE or GROUP.INVALID_STATE. */
  code: ErrorCode;
}

export function enableRefusal(s: LifecycleSubject): Refusal | null {
  if (s.state === 'DELETED') return refusal(s.code, `${s.noun} "${s.name}" is deleted and cannot be enabled.`, { state: s.state });
  return null;
}

/**
 * `null` when the entity may be enabled with `email`. As WorkMail's RegisterToWorkMail: enabling an ENABLED entity
 * with its own address (`current`) changes nothing; with another address it is refused (EntityAlreadyRegistered).
 */
export function enableWithAddressRefusal(
  s: LifecycleSubject,
  current: string | null | undefined,
  email: string | undefined,
  alreadyRegistered: ErrorCode,
): Refusal | null {
  const refused = enableRefusal(s);
  if (refused) return refused;
  if (s.state === 'ENABLED' && email !== undefined && current && normalizeAddress(email) !== normalizeAddress(current)) {
    return refusal(alreadyRegistered, `${s.noun} "${s.name}" is already enabled with the address ${current}.`, { field: 'email', email: current });
  }
  return null;
}

/** Enabling is offered for a disabled entity: an enabled one holds its address already, a deleted one cannot come back. */
export const enableApplies = (s: { state: EntityState }): boolean => s.state === 'DISABLED';

export function disableRefusal(s: LifecycleSubject): Refusal | null {
  if (s.state === 'ENABLED') return null;
  return refusal(s.code, `${s.noun} "${s.name}" is ${s.state === 'DELETED' ? 'deleted' : 'already disabled'}.`, {
    state: s.state,
  });
}

/** Only a DISABLED entity can be deleted ("Before you can delete a user, the user state must be DISABLED"). */
export function deleteRefusal(s: LifecycleSubject): Refusal | null {
  if (s.state === 'DISABLED') return null;
  return refusal(
    s.code,
    s.state === 'ENABLED'
      ? `${s.noun} "${s.name}" is enabled: disable it before deleting it.`
      : `${s.noun} "${s.name}" is already deleted.`,
    { state: s.state },
  );
}

/** Renaming or editing a deleted entity is refused; enabled and disabled ones can be changed. */
export function editRefusal(s: LifecycleSubject): Refusal | null {
  return s.state === 'DELETED' ? refusal(s.code, `${s.noun} "${s.name}" is deleted.`, { state: s.state }) : null;
}

/**
 * Aliases and a new primary address belong beside a primary address: an entity never enabled has none yet, so it
 * gets its first address by being enabled (WorkMail's EntityStateException for CreateAlias on an unregistered entity).
 */
export function addressChangeRefusal(s: LifecycleSubject, email: string | null | undefined): Refusal | null {
  const refused = editRefusal(s);
  if (refused) return refused;
  return email ? null : refusal(s.code, `${s.noun} "${s.name}" has no email address yet: enable it with one first.`, { state: s.state });
}
