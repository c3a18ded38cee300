import { entityId, type EntitySummary, type MemberType } from '@mailyard/core/entities';
import { requireEntity } from '../services/entities/require.ts';
import { resolveEntity } from '../services/entities/resolve.ts';
import { requireActiveOrganization } from '../services/organizations/require.ts';
import type { AwsContext } from './operation.ts';
import { AwsError, epochSeconds } from './protocol.ts';

const nouns = (types?: readonly MemberType[]) => (types?.length === 1 ? (types[0] === 'USER' ? 'user' : 'group') : 'user or group');

const notFound = (identifier: string, organizationId: string, types?: readonly MemberType[]) =>
  new AwsError('EntityNotFoundException', `No ${nouns(types)} "${identifier}" exists in organization ${organizationId}.`);

/**
 * WorkMail answers OrganizationStateException for any operation on an organization that is not Active, reads
 * included; the console's reads also show organizations in other states, so the facade checks this first.
 */
export function requireActive({ deps, actor }: AwsContext, organizationId: string) {
  return requireActiveOrganization(deps.db, actor, organizationId);
}

/**
 * The entity an EntityIdentifier member names (an id, a name or an email address), in an Active organization the
 * key reaches. The organization is checked first, so the errors come in WorkMail's order: OrganizationNotFound,
 * OrganizationState, then EntityNotFound.
 */
export async function entityNamed(
  ctx: AwsContext,
  organizationId: string,
  identifier: string,
  member: string,
  types?: readonly MemberType[],
): Promise<EntitySummary> {
  const entity = await resolveEntity(ctx.deps.db, ctx.actor, { organizationId, identifier, types, field: member });
  if (!entity) throw notFound(identifier, organizationId, types);
  return entity;
}

/** The entity a WorkMailIdentifier member names: the model takes only an id there, never a name or an address. */
export async function entityWithId(
  ctx: AwsContext,
  organizationId: string,
  identifier: string,
  types?: readonly MemberType[],
): Promise<EntitySummary> {
  const org = await requireActive(ctx, organizationId);
  const id = entityId.safeParse(identifier);
  if (!id.success) throw notFound(identifier, organizationId, types);
  const entity = await requireEntity(ctx.deps.db, org.id, id.data, 'entityId');
  if (types && !types.includes(entity.type)) throw notFound(identifier, organizationId, types);
  return entity;
}

/** The lifecycle members (§2.4) WorkMail gives a user, a group or a group member alike. */
export const lifecycle = <S extends string>(e: { state: S; enabledAt: Date | null; disabledAt: Date | null }) => ({
  State: e.state,
  EnabledDate: epochSeconds(e.enabledAt),
  DisabledDate: epochSeconds(e.disabledAt),
});
