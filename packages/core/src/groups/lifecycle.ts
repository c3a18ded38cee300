import {
  addressChangeRefusal,
  deleteRefusal,
  disableRefusal,
  editRefusal,
  enableApplies,
  enableWithAddressRefusal,
  type LifecycleSubject,
} from '../entities/lifecycle.ts';
import type { EntityState } from '../entities/state.ts';
import type { Refusal } from '../errors/refusal.ts';

/** Groups follow the users' lifecycle: created, enabled with an address, disabled, then deleted. */
export interface GroupFacts {
  name: string;
  state: EntityState;
  /** The primary address; `null` while the group was never enabled. */
  email?: string | null;
}

const subject = (g: GroupFacts): LifecycleSubject => ({ noun: 'Group', name: g.name, state: g.state, code: 'GROUP.INVALID_STATE' });

/** `null` when the group may be enabled with `email` (WorkMail's RegisterToWorkMail: see `enableWithAddressRefusal`). */
export const canEnableGroup = (g: GroupFacts, email?: string): Refusal | null =>
  enableWithAddressRefusal(subject(g), g.email, email, 'GROUP.ALREADY_REGISTERED');

export const canDisableGroup = (g: GroupFacts): Refusal | null => disableRefusal(subject(g));
export const canDeleteGroup = (g: GroupFacts): Refusal | null => deleteRefusal(subject(g));
/** Renaming, membership changes and address changes of a deleted group. */
export const canEditGroup = (g: GroupFacts): Refusal | null => editRefusal(subject(g));
/** Aliases and the primary address of a group never enabled, or deleted, cannot change (as a user's). */
export const canChangeGroupAddresses = (g: GroupFacts): Refusal | null => addressChangeRefusal(subject(g), g.email);

/**
 * The groups each of the console's bulk actions acts on, among the selected ones: each group is handled on its own,
 * so the action applies to those it fits and leaves the others as they are.
 */
export function groupActionTargets<G extends GroupFacts>(groups: readonly G[]): { enable: G[]; disable: G[]; delete: G[] } {
  return {
    enable: groups.filter(enableApplies),
    disable: groups.filter((g) => canDisableGroup(g) === null),
    delete: groups.filter((g) => canDeleteGroup(g) === null),
  };
}
