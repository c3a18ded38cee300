import { entityNotFound, type EntitySummary } from '@mailyard/core/entities';
import { failIf } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { findEntityById } from '@mailyard/db/queries/entities';

/** The user or group with this id in the organization (which the caller has already checked the actor may reach), in any state. */
export async function requireEntity(db: Db, organizationId: string, id: string, field: string): Promise<EntitySummary> {
  const entity = await findEntityById(db, organizationId, id);
  if (!entity) failIf(entityNotFound(field));
  return entity!;
}
