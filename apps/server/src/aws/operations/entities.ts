import { disableGroup } from '../../services/groups/disable.ts';
import { enableGroup } from '../../services/groups/enable.ts';
import { disableUsers } from '../../services/users/disable.ts';
import { registerUser } from '../../services/users/register.ts';
import { entityNamed } from '../entities.ts';
import { EmailAddress, EntityIdentifier, OrganizationId, structure } from '../model.ts';
import { operation } from '../operation.ts';
import { coreEmail } from '../validation.ts';

/**
 * Enables a user (with its mailbox) or a group with a primary address (§2.4): a no-op when it already has that
 * address, EntityAlreadyRegisteredException with another, EntityStateException when deleted.
 */
export const RegisterToWorkMail = operation(
  structure({ OrganizationId: OrganizationId(), EntityId: EntityIdentifier(), Email: EmailAddress() }),
  async (ctx, input) => {
    const email = coreEmail(input.Email, 'Email');
    const entity = await entityNamed(ctx, input.OrganizationId, input.EntityId, 'EntityId');
    const ref = { organizationId: input.OrganizationId, email };
    if (entity.type === 'USER') await registerUser(ctx.deps, ctx.actor, { ...ref, userId: entity.id });
    else await enableGroup(ctx.deps, ctx.actor, { ...ref, groupId: entity.id });
    return {};
  },
);

/** Disables a user (mailbox kept 30 days, then deleted) or a group. */
export const DeregisterFromWorkMail = operation(structure({ OrganizationId: OrganizationId(), EntityId: EntityIdentifier() }), async (ctx, input) => {
  const entity = await entityNamed(ctx, input.OrganizationId, input.EntityId, 'EntityId');
  if (entity.type === 'USER') await disableUsers(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, userIds: [entity.id] });
  else await disableGroup(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, groupId: entity.id });
  return {};
});

/** The user or group holding an address, primary or alias. */
export const DescribeEntity = operation(structure({ OrganizationId: OrganizationId(), Email: EmailAddress() }), async (ctx, input) => {
  const entity = await entityNamed(ctx, input.OrganizationId, input.Email, 'Email');
  return { EntityId: entity.id, Name: entity.name, Type: entity.type };
});
