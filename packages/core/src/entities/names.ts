import type { ErrorCode } from '../errors/codes.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';
import type { EntityType } from './state.ts';

/** An entity not deleted that holds a name in its organization. */
export interface NameHolder {
  type: EntityType;
  id: string;
  name: string;
}

const takenCode: Record<EntityType, ErrorCode> = { USER: 'USER.NAME_TAKEN', GROUP: 'GROUP.NAME_TAKEN', RESOURCE: 'RESOURCE.NAME_TAKEN' };
const noun: Record<EntityType, string> = { USER: 'user', GROUP: 'group', RESOURCE: 'resource' };
const takenBySameType: Record<EntityType, (name: string) => string> = {
  USER: (name) => `The user name "${name}" is already in use in this organization.`,
  GROUP: (name) => `A group named "${name}" already exists in this organization.`,
  RESOURCE: (name) => `A resource named "${name}" already exists in this organization.`,
};

/** The refusal of `wanted`'s name because `holder` has it: the code is the wanted entity's, the message names the holder. */
export function nameTakenBy(wanted: { type: EntityType; name: string }, holder: { type: EntityType; name: string }): Refusal {
  const message =
    holder.type === wanted.type
      ? takenBySameType[wanted.type](wanted.name)
      : `The name "${wanted.name}" is already used by the ${noun[holder.type]} "${holder.name}": users, groups and resources share one set of names in an organization.`;
  return refusal(takenCode[wanted.type], message, { field: 'name', name: wanted.name, holderType: holder.type });
}

/**
 * Users, groups and resources share one set of names per organization, compared without case (WorkMail's
 * NameAvailabilityException): `null` when `wanted` may take its name, given the entities not deleted that already
 * hold it (`holders`, found without case). The entity itself (`wanted.id`, a rename) does not count, so a change of
 * case only is allowed.
 */
export function nameTakenRefusal(wanted: { type: EntityType; name: string; id?: string }, holders: readonly NameHolder[]): Refusal | null {
  const holder = holders.find((h) => !(h.type === wanted.type && h.id === wanted.id));
  return holder ? nameTakenBy(wanted, holder) : null;
}
