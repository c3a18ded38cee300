import { failIf } from '@mailyard/core/errors';
import { CreateResourceInput, ListResourcesInput, UpdateResourceInput, type ResourceSummary } from '@mailyard/core/resources';
import { reservedNameRefusal } from '@mailyard/core/users';
import { addResourceDelegate } from '../../services/resources/add-delegate.ts';
import { createResource } from '../../services/resources/create.ts';
import { deleteResource } from '../../services/resources/delete.ts';
import { getResource } from '../../services/resources/get.ts';
import { listResourceDelegates } from '../../services/resources/list-delegates.ts';
import { listResources } from '../../services/resources/list.ts';
import { removeResourceDelegate } from '../../services/resources/remove-delegate.ts';
import { updateResource } from '../../services/resources/update.ts';
import { entityNamed, lifecycle, resourceNamed } from '../entities.ts';
import { entityListPage, entityListShape } from '../filtered-list.ts';
import { boolean, EntityIdentifier, oneOf, OrganizationId, page, structure, text } from '../model.ts';
import { operation } from '../operation.ts';
import { TokenScope } from '../pagination.ts';
import { compact } from '../protocol.ts';
import { coreFields, parseCore } from '../validation.ts';

// Shapes of the model (service-2.json) used by the resource operations only.
const ResourceName = () => text({ min: 1, max: 20, pattern: '[\\w\\-.]+(@[a-zA-Z0-9.\\-]+\\.[a-zA-Z0-9-]{2,})?' });
const ResourceType = () => oneOf(['ROOM', 'EQUIPMENT']);
const BookingOptions = () =>
  structure({
    AutoAcceptRequests: boolean().optional(),
    AutoDeclineRecurringRequests: boolean().optional(),
    AutoDeclineConflictingRequests: boolean().optional(),
  });

/** A new resource is DISABLED without an address and accepts requests by itself; RegisterToWorkMail gives it an address. */
export const CreateResource = operation(
  structure({
    OrganizationId: OrganizationId(),
    Name: ResourceName(),
    Type: ResourceType(),
    Description: text({ min: 1, max: 64 }).optional(),
    HiddenFromGlobalAddressList: boolean().optional(),
  }),
  async ({ deps, actor }, input) => {
    // Checked before the schema (which has the rule too), so a reserved name is a ReservedNameException.
    failIf(reservedNameRefusal(input.Name, 'resource'));
    const created = await createResource(deps, actor, parseCore(CreateResourceInput, coreFields(input)));
    return { ResourceId: created.id };
  },
);

const ref = structure({ OrganizationId: OrganizationId(), ResourceId: EntityIdentifier() });

export const DescribeResource = operation(ref, async (ctx, input) => {
  const { id } = await resourceNamed(ctx, input.OrganizationId, input.ResourceId);
  const r = await getResource(ctx.deps.db, ctx.actor, { organizationId: input.OrganizationId, resourceId: id });
  return compact({
    ResourceId: r.id,
    Email: r.email,
    Name: r.name,
    Type: r.type,
    BookingOptions: {
      AutoAcceptRequests: r.bookingOptions.autoAcceptRequests,
      AutoDeclineRecurringRequests: r.bookingOptions.autoDeclineRecurringRequests,
      AutoDeclineConflictingRequests: r.bookingOptions.autoDeclineConflictingRequests,
    },
    ...lifecycle(r),
    Description: r.description,
    HiddenFromGlobalAddressList: r.hiddenFromGlobalAddressList,
  });
});

/** Members left out keep their value; an empty Description clears it; turning auto-accept off needs a delegate. */
export const UpdateResource = operation(
  structure({
    OrganizationId: OrganizationId(),
    ResourceId: EntityIdentifier(),
    Name: ResourceName().optional(),
    BookingOptions: BookingOptions().optional(),
    Description: text({ min: 0, max: 64 }).optional(),
    Type: ResourceType().optional(),
    HiddenFromGlobalAddressList: boolean().optional(),
  }),
  async (ctx, input) => {
    if (input.Name !== undefined) failIf(reservedNameRefusal(input.Name, 'resource'));
    const { id } = await resourceNamed(ctx, input.OrganizationId, input.ResourceId);
    const { ResourceId: _, BookingOptions: booking, ...members } = input;
    const core = parseCore(UpdateResourceInput, { ...coreFields(members), resourceId: id, bookingOptions: booking && coreFields(booking) }, { bookingOptions: 'BookingOptions' });
    await updateResource(ctx.deps, ctx.actor, core);
    return {};
  },
);

/** Only a DISABLED resource is deleted. */
export const DeleteResource = operation(ref, async (ctx, input) => {
  const { id } = await resourceNamed(ctx, input.OrganizationId, input.ResourceId);
  await deleteResource(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, resourceId: id });
  return {};
});

const resourceSummary = (r: ResourceSummary) => compact({ Id: r.id, Email: r.email, Name: r.name, Type: r.type, ...lifecycle(r), Description: r.description });

export const ListResources = operation(entityListShape(), async (ctx, input) => {
  const { items, NextToken } = await entityListPage(ctx, 'ListResources', input, ListResourcesInput, listResources);
  return compact({ Resources: items.map(resourceSummary), NextToken });
});

const delegation = structure({ OrganizationId: OrganizationId(), ResourceId: EntityIdentifier(), EntityId: EntityIdentifier() });

/** The delegate is a user or group, named by id, name or address. */
async function delegationOf(ctx: Parameters<typeof resourceNamed>[0], input: { OrganizationId: string; ResourceId: string; EntityId: string }) {
  const resource = await resourceNamed(ctx, input.OrganizationId, input.ResourceId);
  const delegate = await entityNamed(ctx, input.OrganizationId, input.EntityId, 'EntityId');
  return { organizationId: input.OrganizationId, resourceId: resource.id, delegateId: delegate.id, delegateType: delegate.type };
}

export const AssociateDelegateToResource = operation(delegation, async (ctx, input) => {
  await addResourceDelegate(ctx.deps, ctx.actor, await delegationOf(ctx, input));
  return {};
});

export const DisassociateDelegateFromResource = operation(delegation, async (ctx, input) => {
  await removeResourceDelegate(ctx.deps, ctx.actor, await delegationOf(ctx, input));
  return {};
});

export const ListResourceDelegates = operation(structure({ OrganizationId: OrganizationId(), ResourceId: EntityIdentifier(), ...page }), async (ctx, input) => {
  const { id } = await resourceNamed(ctx, input.OrganizationId, input.ResourceId);
  const tokens = new TokenScope('ListResourceDelegates', { o: input.OrganizationId, r: id });
  const result = await listResourceDelegates(ctx.deps.db, ctx.actor, { organizationId: input.OrganizationId, resourceId: id, ...tokens.page(input) });
  return compact({ Delegates: result.items.map((d) => ({ Id: d.id, Type: d.type })), NextToken: tokens.token(result.nextCursor) });
});
