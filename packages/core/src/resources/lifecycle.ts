import { deleteRefusal, disableRefusal, editRefusal, enableWithAddressRefusal, type LifecycleSubject } from '../entities/lifecycle.ts';
import type { EntityState } from '../entities/state.ts';
import type { Refusal } from '../errors/refusal.ts';

/** Resources follow the lifecycle of users and groups (WorkMail §2.4): created disabled, enabled with an address, disabled, deleted. */
export interface ResourceFacts {
  name: string;
  state: EntityState;
  email?: string | null;
}

const subject = (r: ResourceFacts): LifecycleSubject => ({ noun: 'Resource', name: r.name, state: r.state, code: 'RESOURCE.INVALID_STATE' });

/** `null` when the resource may be enabled with `email`: the same address again changes nothing, another is refused. */
export const canEnableResource = (r: ResourceFacts, email?: string): Refusal | null =>
  enableWithAddressRefusal(subject(r), r.email, email, 'RESOURCE.ALREADY_REGISTERED');
export const canDisableResource = (r: ResourceFacts): Refusal | null => disableRefusal(subject(r));
/** Only a disabled resource is deleted. */
export const canDeleteResource = (r: ResourceFacts): Refusal | null => deleteRefusal(subject(r));
/** Settings and delegates of a deleted resource cannot change. */
export const canEditResource = (r: ResourceFacts): Refusal | null => editRefusal(subject(r));
