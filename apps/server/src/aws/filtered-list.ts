import type { z } from 'zod';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import type { OperatorActor } from '../services/actor.ts';
import { requireActiveOrganization, type OrganizationCheck } from '../services/organizations/require.ts';
import { EntityState, OrganizationId, page, Prefix, structure } from './model.ts';
import type { AwsContext } from './operation.ts';
import { TokenScope } from './pagination.ts';
import { filterFields, parseCore } from './validation.ts';

/** The input of ListGroups and ListResources: a page of the organization's entities, by name, address prefix and state. */
export const entityListShape = () =>
  structure({
    OrganizationId: OrganizationId(),
    ...page,
    Filters: structure({ NamePrefix: Prefix().optional(), PrimaryEmailPrefix: Prefix().optional(), State: EntityState().optional() }).optional(),
  });

type EntityListInput = z.output<ReturnType<typeof entityListShape>>;

/**
 * One page of such a list: the token bound to the operation, organization and filters; the filters through the core
 * list schema (named in messages as `Filters.NamePrefix`); the organization checked Active before it is read.
 */
export async function entityListPage<S extends z.ZodType, T>(
  ctx: AwsContext,
  operationName: string,
  input: EntityListInput,
  schema: S,
  list: (db: Db, actor: OperatorActor, query: z.output<S>, check: OrganizationCheck) => Promise<Page<T>>,
): Promise<{ items: T[]; NextToken: string | undefined }> {
  const filters = input.Filters ?? {};
  const tokens = new TokenScope(operationName, { o: input.OrganizationId, f: filters });
  const { fields, members } = filterFields(filters);
  const query = parseCore(schema, { organizationId: input.OrganizationId, ...tokens.page(input), ...fields } as z.input<S>, members);
  // WorkMail answers OrganizationStateException for a list of an organization that is not Active: checked with the page.
  const result = await list(ctx.deps.db, ctx.actor, query, requireActiveOrganization);
  return { items: result.items, NextToken: tokens.token(result.nextCursor) };
}
