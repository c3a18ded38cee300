import { refusal, type Refusal } from '../errors/refusal.ts';
import type { EntityState, MemberType } from './state.ts';

/** What a rule needs to know about a user or group named by another entity's operation. */
export interface EntityFacts {
  type: MemberType;
  name: string;
  state: EntityState;
}

/** A user or group as operations that accept either see it (members, grantees, the entity resolver). */
export interface EntitySummary extends EntityFacts {
  id: string;
  /** The primary address; `null` while never enabled. */
  email: string | null;
}

/** A user or group id that names nothing in the organization — or something in another one. */
export const entityNotFound = (field: string): Refusal =>
  refusal('ENTITY.NOT_FOUND', 'No user or group with that id exists in this organization.', { field });

/**
 * Why an entity named by an operation (a group member, a mailbox owner) cannot take part in it, or `null`.
 * Pass `null` for an entity not found in the organization: another organization's entity is "not found",
 * never "forbidden". A deleted entity still has its row but no longer takes part in anything.
 */
export function liveEntityProblem(entity: EntityFacts | null, field: string): Refusal | null {
  if (!entity) return entityNotFound(field);
  if (entity.state !== 'DELETED') return null;
  const [code, noun] = entity.type === 'GROUP' ? (['GROUP.INVALID_STATE', 'Group'] as const) : (['USER.INVALID_STATE', 'User'] as const);
  return refusal(code, `${noun} "${entity.name}" is deleted.`, { field, state: entity.state });
}
