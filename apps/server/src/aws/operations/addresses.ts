import { AddAliasInput, splitAddress } from '@mailyard/core/addresses';
import { memberTypes } from '@mailyard/core/entities';
import { addAlias } from '../../services/addresses/add-alias.ts';
import { listAddresses } from '../../services/addresses/list.ts';
import { removeAlias } from '../../services/addresses/remove-alias.ts';
import { setPrimaryAddress } from '../../services/addresses/set-primary.ts';
import { entityNamed, entityWithId } from '../entities.ts';
import { EmailAddress, EntityIdentifier, OrganizationId, page, structure, WorkMailIdentifier } from '../model.ts';
import { operation } from '../operation.ts';
import { TokenScope } from '../pagination.ts';
import { compact } from '../protocol.ts';
import { coreEmail, parseCore } from '../validation.ts';

/** An alias of a user or group, on one of the organization's verified domains, free across the whole system; at most 100 per entity. */
export const CreateAlias = operation(
  structure({ OrganizationId: OrganizationId(), EntityId: WorkMailIdentifier(), Alias: EmailAddress() }),
  async (ctx, input) => {
    const { localPart, domain } = splitAddress(input.Alias)!;
    const alias = parseCore(AddAliasInput.omit({ organizationId: true, entityId: true }), { localPart, domain }, { localPart: 'Alias', domain: 'Alias' });
    const entity = await entityWithId(ctx, input.OrganizationId, input.EntityId);
    await addAlias(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, entityId: entity.id, ...alias }, memberTypes);
    return {};
  },
);

export const DeleteAlias = operation(
  structure({ OrganizationId: OrganizationId(), EntityId: WorkMailIdentifier(), Alias: EmailAddress() }),
  async (ctx, input) => {
    const address = coreEmail(input.Alias, 'Alias');
    const entity = await entityWithId(ctx, input.OrganizationId, input.EntityId);
    await removeAlias(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, entityId: entity.id, address }, memberTypes);
    return {};
  },
);

/** The aliases only, alphabetically (the primary address is DescribeUser's or DescribeGroup's Email), paged by the last one shown. */
export const ListAliases = operation(structure({ OrganizationId: OrganizationId(), EntityId: WorkMailIdentifier(), ...page }), async (ctx, input) => {
  const tokens = new TokenScope('ListAliases', { o: input.OrganizationId, e: input.EntityId.toLowerCase() });
  const { cursor, limit } = tokens.page(input);
  const entity = await entityWithId(ctx, input.OrganizationId, input.EntityId);
  const addresses = await listAddresses(ctx.deps.db, ctx.actor, { organizationId: input.OrganizationId, entityId: entity.id }, memberTypes);
  const aliases = addresses.filter((a) => !a.isPrimary && (cursor === undefined || a.address > cursor)).map((a) => a.address);
  const shown = aliases.slice(0, limit);
  return compact({ Aliases: shown, NextToken: tokens.token(aliases.length > limit ? shown.at(-1)! : null) });
});

/** The former primary address becomes an alias; an alias given here swaps places with it. */
export const UpdatePrimaryEmailAddress = operation(
  structure({ OrganizationId: OrganizationId(), EntityId: EntityIdentifier(), Email: EmailAddress() }),
  async (ctx, input) => {
    const address = coreEmail(input.Email, 'Email');
    const entity = await entityNamed(ctx, input.OrganizationId, input.EntityId, 'EntityId');
    await setPrimaryAddress(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, entityId: entity.id, address }, memberTypes);
    return {};
  },
);
