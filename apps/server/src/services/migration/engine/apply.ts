import { splitAddress } from '@mailyard/core/addresses';
import type { MemberRef, MigrationStep } from '@mailyard/core/migration';
import type { MailyardClient } from './client.ts';
import { entityKey } from './target.ts';

/**
 * Makes one step of the plan in the target through the typed client: the console's procedures, so the same checks
 * and the same audit log apply. `ids` resolves names to the target's ids and learns the ids of what is created.
 */
export async function applyStep(client: MailyardClient, organizationId: string, ids: Map<string, string>, step: MigrationStep): Promise<void> {
  const idOf = (ref: MemberRef) => {
    const id = ids.get(entityKey(ref));
    if (!id) throw new Error(`${ref.type === 'GROUP' ? 'Group' : 'User'} ${ref.name} is not in the target organization.`);
    return id;
  };
  const userId = (name: string) => idOf({ type: 'USER', name });
  const resourceId = (name: string) => {
    const id = ids.get(entityKey({ type: 'RESOURCE', name }));
    if (!id) throw new Error(`Resource ${name} is not in the target organization.`);
    return id;
  };
  const groupId = (name: string) => idOf({ type: 'GROUP', name });
  const addresses = (ref: MemberRef) => (ref.type === 'GROUP' ? client.groups : client.users);

  switch (step.kind) {
    case 'domain.register':
      return void (await client.domains.register.mutate({ organizationId, domainName: step.domain }));
    case 'user.create': {
      const { name, displayName, details, hiddenFromGlobalAddressList, role, email, password } = step;
      const attributes = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== null)) as Record<string, string>;
      const created = await client.migration.createUser.mutate({
        organizationId,
        name,
        displayName,
        ...attributes,
        hiddenFromGlobalAddressList,
        role: role === 'REMOTE_USER' ? 'REMOTE_USER' : 'USER',
        email,
        ...(password.kind === 'password' ? { password: password.password } : {}),
        ...(password.kind === 'reset-link' ? { recoveryAddress: password.recoveryAddress } : {}),
      });
      ids.set(entityKey({ type: 'USER', name }), created.userId);
      return;
    }
    case 'user.update': {
      const { role, ...changes } = step.changes;
      return void (await client.users.updateDetails.mutate({
        organizationId,
        userId: userId(step.name),
        ...changes,
        ...(role === 'USER' || role === 'REMOTE_USER' ? { role } : {}),
      }));
    }
    case 'user.enable':
      return void (await client.users.enable.mutate({ organizationId, users: [{ userId: userId(step.name), email: step.email }] }));
    case 'user.disable':
      return void (await client.users.disable.mutate({ organizationId, userIds: [userId(step.name)] }));
    case 'group.create': {
      const created = await client.groups.create.mutate({ organizationId, name: step.name, hiddenFromGlobalAddressList: step.hiddenFromGlobalAddressList });
      ids.set(entityKey({ type: 'GROUP', name: step.name }), created.id);
      return;
    }
    case 'group.enable':
      return void (await client.groups.enable.mutate({ organizationId, groupId: groupId(step.name), email: step.email }));
    case 'group.disable':
      return void (await client.groups.disable.mutate({ organizationId, groupId: groupId(step.name) }));
    case 'group.update':
      return void (await client.groups.setHidden.mutate({ organizationId, groupId: groupId(step.name), hiddenFromGlobalAddressList: step.hiddenFromGlobalAddressList }));
    case 'address.primary':
      return void (await addresses(step.entity).setPrimaryAddress.mutate({ organizationId, entityId: idOf(step.entity), address: step.email }));
    case 'alias.add': {
      const parts = splitAddress(step.alias)!;
      return void (await addresses(step.entity).addAlias.mutate({ organizationId, entityId: idOf(step.entity), localPart: parts.localPart, domain: parts.domain }));
    }
    case 'alias.remove':
      return void (await addresses(step.entity).removeAlias.mutate({ organizationId, entityId: idOf(step.entity), address: step.alias }));
    case 'quota.set':
      return void (await client.mailboxes.updateQuota.mutate({ organizationId, userId: userId(step.name), quotaMb: step.quotaMb }));
    case 'member.add':
      return void (await client.groups.addMember.mutate({ organizationId, groupId: groupId(step.group), memberId: idOf(step.member), memberType: step.member.type }));
    case 'member.remove':
      return void (await client.groups.removeMember.mutate({ organizationId, groupId: groupId(step.group), memberId: idOf(step.member), memberType: step.member.type }));
    case 'permissions.put':
      return void (await client.permissions.put.mutate({ organizationId, mailboxUserId: userId(step.mailbox), granteeId: idOf(step.grantee), permissions: step.permissions }));
    case 'permissions.remove':
      return void (await client.permissions.remove.mutate({ organizationId, mailboxUserId: userId(step.mailbox), granteeId: idOf(step.grantee) }));
    case 'resource.create': {
      const { name, type, description, hiddenFromGlobalAddressList } = step;
      const created = await client.resources.create.mutate({ organizationId, name, type, description: description ?? undefined, hiddenFromGlobalAddressList });
      ids.set(entityKey({ type: 'RESOURCE', name }), created.id);
      return;
    }
    case 'resource.update':
      return void (await client.resources.update.mutate({ organizationId, resourceId: resourceId(step.name), ...step.changes }));
    case 'resource.enable':
      return void (await client.resources.enable.mutate({ organizationId, resourceId: resourceId(step.name), email: step.email }));
    case 'resource.disable':
      return void (await client.resources.disable.mutate({ organizationId, resourceId: resourceId(step.name) }));
    case 'delegate.add':
      return void (await client.resources.addDelegate.mutate({ organizationId, resourceId: resourceId(step.resource), delegateId: idOf(step.delegate), delegateType: step.delegate.type }));
    case 'delegate.remove':
      return void (await client.resources.removeDelegate.mutate({ organizationId, resourceId: resourceId(step.resource), delegateId: idOf(step.delegate), delegateType: step.delegate.type }));
  }
}
