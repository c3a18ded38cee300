import { entityId, type EntitySummary, type MemberType } from '@mailyard/core/entities';
import { fail } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { findEntitiesByName, findEntityByAddress, findEntityById } from '@mailyard/db/queries/entities';
import type { OperatorActor } from '../actor.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { ofType } from './require.ts';

export interface ResolveEntityQuery {
  organizationId: string;
  /** WorkMail's EntityIdentifier (core `entityIdentifier`): an id, a name, or an email address (primary or alias). */
  identifier: string;
  /** The kinds the operation accepts (`GroupId` → GROUP); absent = users and groups. */
  types?: readonly MemberType[];
  /** Input field named in errors. */
  field: string;
}

/**
 * The user or group an identifier names in an Active organization the actor reaches, or `null`; the organization is
 * checked first, so errors come in WorkMail's order (organization not found, not Active, then the entity). Each form is one index
 * look-up, tried in turn: a UUID as an id, then anything with an @ as an address (a user name may look like one),
 * then a name, without case, among entities not deleted. A name held by both a user and a group is refused as
 * ambiguous rather than guessed.
 */
export async function resolveEntity(db: Db, actor: OperatorActor, q: ResolveEntityQuery): Promise<EntitySummary | null> {
  const org = await requireActiveOrganization(db, actor, q.organizationId);

  const id = entityId.safeParse(q.identifier);
  const byId = id.success ? ofType(await findEntityById(db, org.id, id.data), q.types) : null;
  if (byId) return byId;

  const byAddress = q.identifier.includes('@') ? ofType(await findEntityByAddress(db, org.id, q.identifier.trim()), q.types) : null;
  if (byAddress) return byAddress;

  const named = (await findEntitiesByName(db, org.id, q.identifier.trim())).filter((e) => ofType(e, q.types));
  if (named.length > 1) {
    fail('VALIDATION', `Both a user and a group are named "${q.identifier.trim()}"; use the id or the email address.`, { field: q.field });
  }
  return named[0] ?? null;
}
