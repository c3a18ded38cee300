import { normalizeAddress } from '../addresses/address.ts';
import {
  addressChangeRefusal,
  deleteRefusal,
  disableRefusal,
  editRefusal,
  enableRefusal,
  type LifecycleSubject,
} from '../entities/lifecycle.ts';
import type { EntityState } from '../entities/state.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';

/** Groups follow the users' lifecycle: created, enabled with an address, disabled, then deleted. */
export interface GroupFacts {
  name: string;
  state: EntityState;
  /** The primary address; `null` while the group was never enabled. */
  email?: string | null;
}

const subject = (g: GroupFacts): LifecycleSubject => ({ noun: 'Group', name: g.name, state: g.state, code: 'GROUP.INVALID_STATE' });

/**
 * `null` when the group may be enabled with `email`. As WorkMail's RegisterToWorkMail: enabling an ENABLED group
 * with its own address changes nothing; with another address it is refused (EntityAlreadyRegistered).
 */
export function canEnableGroup(g: GroupFacts, email?: string): Refusal | null {
  const refused = enableRefusal(subject(g));
  if (refused) return refused;
  if (g.state === 'ENABLED' && email !== undefined && g.email && normalizeAddress(email) !== normalizeAddress(g.email)) {
    return refusal('GROUP.ALREADY_REGISTERED', `Group "${g.name}" is already enabled with the address ${g.email}.`, {
      field: 'email',
      email: g.email,
    });
  }
  return null;
}

export const canDisableGroup = (g: GroupFacts): Refusal | null => disableRefusal(subject(g));
export const canDeleteGroup = (g: GroupFacts): Refusal | null => deleteRefusal(subject(g));
/** Renaming, membership changes and address changes of a deleted group. */
export const canEditGroup = (g: GroupFacts): Refusal | null => editRefusal(subject(g));
/** Aliases and the primary address of a group never enabled, or deleted, cannot change (as a user's). */
export const canChangeGroupAddresses = (g: GroupFacts): Refusal | null => addressChangeRefusal(subject(g), g.email);
