import { disableGroup } from '../../services/groups/disable.ts';
import { enableGroup } from '../../services/groups/enable.ts';
import { disableUsers } from '../../services/users/disable.ts';
import { disableResource } from '../../services/resources/disable.ts';
import { enableResource } from '../../services/resources/enable.ts';
import { registerUser } from '../../services/users/register.ts';
import { anyEntityNamed } from '../entities.ts';
import { EmailAddress, EntityIdentifier, OrganizationId, structure } from '../model.ts';
import { operation } from '../operation.ts';
import { coreEmail } from '../validation.ts';

/**
 * Enables a user (with its mailbox), a group or a resource with a primary address (§2.4): a no-op when it already
 * has that address, EntityAlreadyRegisteredException with another, EntityStateException when deleted.
 */
export const RegisterToWorkMail = operation(
  structure({ OrganizationId: OrganizationId(), EntityId: EntityIdentifier(), Email: EmailAddress() }),
  async (ctx, input) => {
    const email = coreEmail(input.Email, 'Email');
    const named = await anyEntityNamed(ctx, input.OrganizationId, input.EntityId, 'EntityId');
    const ref = { organizationId: input.OrganizationId, email };
    if (named.kind === 'resource') await enableResource(ctx.deps, ctx.actor, { ...ref, resourceId: named.resource.id });
    else if (named.entity.type === 'USER') await registerUser(ctx.deps, ctx.actor, { ...ref, userId: named.entity.id });
    else await enableGroup(ctx.deps, ctx.actor, { ...ref, groupId: named.entity.id });
    return {};
  },
);

/** Disables a user (mailbox kept 30 days, then deleted), a group or a resource. */
export const DeregisterFromWorkMail = operation(structure({ OrganizationId: OrganizationId(), EntityId: EntityIdentifier() }), async (ctx, input) => {
  const named = await anyEntityNamed(ctx, input.OrganizationId, input.EntityId, 'EntityId');
  const organizationId = input.OrganizationId;
  if (named.kind === 'resource') await disableResource(ctx.deps, ctx.actor, { organizationId, resourceId: named.resource.id });
  else if (named.entity.type === 'USER') await disableUsers(ctx.deps, ctx.actor, { organizationId, userIds: [named.entity.id] });
  else await disableGroup(ctx.deps, ctx.actor, { organizationId, groupId: named.entity.id });
  return {};
});

/** The user, group or resource holding an address, primary or alias. */
export const DescribeEntity = operation(structure({ OrganizationId: OrganizationId(), Email: EmailAddress() }), async (ctx, input) => {
  const named = await anyEntityNamed(ctx, input.OrganizationId, input.Email, 'Email');
  if (named.kind === 'resource') return { EntityId: named.resource.id, Name: named.resource.name, Type: 'RESOURCE' };
  return { EntityId: named.entity.id, Name: named.entity.name, Type: named.entity.type };
});
