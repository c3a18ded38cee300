import { PutPermissionsInput } from '@mailyard/core/permissions';
import { listMailboxPermissions } from '../../services/permissions/list.ts';
import { putMailboxPermissions } from '../../services/permissions/put.ts';
import { removeMailboxPermissions } from '../../services/permissions/remove.ts';
import { entityNamed } from '../entities.ts';
import { EntityIdentifier, list, OrganizationId, page, PermissionType, structure } from '../model.ts';
import { operation } from '../operation.ts';
import { TokenScope } from '../pagination.ts';
import { compact } from '../protocol.ts';
import { parseCore } from '../validation.ts';

/** The grantee's permissions are replaced by exactly these (WorkMail's semantics). */
export const PutMailboxPermissions = operation(
  structure({ OrganizationId: OrganizationId(), EntityId: EntityIdentifier(), GranteeId: EntityIdentifier(), PermissionValues: list(PermissionType()) }),
  async (ctx, input) => {
    const { permissions } = parseCore(PutPermissionsInput.pick({ permissions: true }), { permissions: input.PermissionValues }, { permissions: 'PermissionValues' });
    const owner = await entityNamed(ctx, input.OrganizationId, input.EntityId, 'EntityId');
    const grantee = await entityNamed(ctx, input.OrganizationId, input.GranteeId, 'GranteeId');
    await putMailboxPermissions(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, mailboxUserId: owner.id, granteeId: grantee.id, permissions });
    return {};
  },
);

export const DeleteMailboxPermissions = operation(
  structure({ OrganizationId: OrganizationId(), EntityId: EntityIdentifier(), GranteeId: EntityIdentifier() }),
  async (ctx, input) => {
    const owner = await entityNamed(ctx, input.OrganizationId, input.EntityId, 'EntityId');
    const grantee = await entityNamed(ctx, input.OrganizationId, input.GranteeId, 'GranteeId');
    await removeMailboxPermissions(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, mailboxUserId: owner.id, granteeId: grantee.id });
    return {};
  },
);

export const ListMailboxPermissions = operation(structure({ OrganizationId: OrganizationId(), EntityId: EntityIdentifier(), ...page }), async (ctx, input) => {
  const owner = await entityNamed(ctx, input.OrganizationId, input.EntityId, 'EntityId');
  const tokens = new TokenScope('ListMailboxPermissions', { o: input.OrganizationId, e: owner.id });
  const result = await listMailboxPermissions(ctx.deps.db, ctx.actor, { organizationId: input.OrganizationId, mailboxUserId: owner.id, ...tokens.page(input) });
  return compact({
    Permissions: result.items.map((p) => ({ GranteeId: p.granteeId, GranteeType: p.granteeType, PermissionValues: p.permissions })),
    NextToken: tokens.token(result.nextCursor),
  });
});
