import { deleteRefusal, disableRefusal, editRefusal, enableRefusal, type LifecycleSubject } from '../entities/lifecycle.ts';
import type { EntityState } from '../entities/state.ts';
import type { Refusal } from '../errors/refusal.ts';

/** Groups follow the users' lifecycle: created, enabled with an address, disabled, then deleted. */
export interface GroupFacts {
  name: string;
  state: EntityState;
}

const subject = (g: GroupFacts): LifecycleSubject => ({ noun: 'Group', name: g.name, state: g.state, code: 'GROUP.INVALID_STATE' });

export const canEnableGroup = (g: GroupFacts): Refusal | null => enableRefusal(subject(g));
export const canDisableGroup = (g: GroupFacts): Refusal | null => disableRefusal(subject(g));
export const canDeleteGroup = (g: GroupFacts): Refusal | null => deleteRefusal(subject(g));
/** Renaming, membership changes and address changes of a deleted group. */
export const canEditGroup = (g: GroupFacts): Refusal | null => editRefusal(subject(g));
