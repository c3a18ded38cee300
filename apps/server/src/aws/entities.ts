import { entityId, type EntitySummary, type EntityType, type MemberType } from '@mailyard/core/entities';
import type { ResourceDetail } from '@mailyard/core/resources';
import { requireEntity } from '../services/entities/require.ts';
import { resolveEntity } from '../services/entities/resolve.ts';
import { resolveResource } from '../services/resources/resolve.ts';
import { requireActiveOrganization } from '../services/organizations/require.ts';
import type { AwsContext } from './operation.ts';
import { AwsError, epochSeconds } from './protocol.ts';

/** "user", "user or group", "user, group or resource". */
function nouns(types: readonly EntityType[] = ['USER', 'GROUP']): string {
  const words = types.map((t) => t.toLowerCase());
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

const notFound = (identifier: string, organizationId: string, types?: readonly EntityType[]) =>
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

/** The resource a ResourceId member names: its `r-…` id, its address or its name. */
export async function resourceNamed(ctx: AwsContext, organizationId: string, identifier: string): Promise<ResourceDetail> {
  const resource = await resolveResource(ctx.deps.db, ctx.actor, { organizationId, identifier });
  if (!resource) throw notFound(identifier, organizationId, ['RESOURCE']);
  return resource;
}

/** What an EntityId member of RegisterToWorkMail, DescribeEntity and the like names: a user or group, or a resource. */
export type AnyEntity = { kind: 'entity'; entity: EntitySummary } | { kind: 'resource'; resource: ResourceDetail };

export async function anyEntityNamed(ctx: AwsContext, organizationId: string, identifier: string, member: string): Promise<AnyEntity> {
  const entity = await resolveEntity(ctx.deps.db, ctx.actor, { organizationId, identifier, field: member });
  if (entity) return { kind: 'entity', entity };
  const resource = await resolveResource(ctx.deps.db, ctx.actor, { organizationId, identifier });
  if (resource) return { kind: 'resource', resource };
  throw notFound(identifier, organizationId, ['USER', 'GROUP', 'RESOURCE']);
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
