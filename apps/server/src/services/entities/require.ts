import { entityNotFound, liveEntityProblem, type EntitySummary, type MemberType } from '@mailyard/core/entities';
import { failIf } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { findEntityById } from '@mailyard/db/queries/entities';

/** The user or group with this id in the organization (which the caller has already checked the actor may reach), in any state. */
export async function requireEntity(db: Db, organizationId: string, id: string, field: string): Promise<EntitySummary> {
  const entity = await findEntityById(db, organizationId, id);
  if (!entity) failIf(entityNotFound(field));
  return entity!;
}

/** `entity` if it is of one of the kinds `types` lists (absent: any kind), else `null`. */
export const ofType = (entity: EntitySummary | null, types?: readonly MemberType[]): EntitySummary | null =>
  entity && (!types || types.includes(entity.type)) ? entity : null;

/** The user or group with this id in the organization, in any state, of `type` when the caller said which. */
export async function findEntity(db: Db, organizationId: string, id: string, type?: MemberType): Promise<EntitySummary | null> {
  return ofType(await findEntityById(db, organizationId, id), type && [type]);
}

/** `entity` if it was found and is not deleted; otherwise core's refusal, naming `field`. */
export function requireLive(entity: EntitySummary | null, field: string): EntitySummary {
  failIf(liveEntityProblem(entity, field));
  return entity!;
}

/** How a user or group named by a change (a member, a grantee) is recorded in its audit event. */
export const auditRef = (entity: EntitySummary) => ({ id: entity.id, type: entity.type, name: entity.name });
