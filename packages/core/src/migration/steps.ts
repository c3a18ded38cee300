import type { PermissionType } from '../permissions/types.ts';
import type { BookingOptions } from '../resources/booking.ts';
import type { ResourceType } from '../resources/schemas.ts';
import type { UserRole } from '../users/roles.ts';
import type { MemberRef, UserDetails } from './models.ts';
import type { PasswordChoice } from './passwords.ts';

/** One change the migration makes in the target, in the order it must be made. Entities are named, not by id. */
export type MigrationStep =
  | { kind: 'domain.register'; domain: string }
  | {
      kind: 'user.create';
      name: string;
      displayName: string;
      details: UserDetails;
      hiddenFromGlobalAddressList: boolean;
      role: UserRole;
      /** Null: created disabled, as it is in the source. */
      email: string | null;
      password: PasswordChoice;
    }
  | { kind: 'user.update'; name: string; changes: UserChanges }
  | { kind: 'user.enable'; name: string; email: string }
  | { kind: 'user.disable'; name: string }
  | { kind: 'group.create'; name: string; hiddenFromGlobalAddressList: boolean }
  | { kind: 'group.enable'; name: string; email: string }
  | { kind: 'group.disable'; name: string }
  | { kind: 'group.update'; name: string; hiddenFromGlobalAddressList: boolean }
  | { kind: 'address.primary'; entity: MemberRef; email: string }
  | { kind: 'alias.add'; entity: MemberRef; alias: string }
  | { kind: 'alias.remove'; entity: MemberRef; alias: string }
  | { kind: 'quota.set'; name: string; quotaMb: number }
  | { kind: 'member.add'; group: string; member: MemberRef }
  | { kind: 'member.remove'; group: string; member: MemberRef }
  | { kind: 'permissions.put'; mailbox: string; grantee: MemberRef; permissions: PermissionType[] }
  | { kind: 'permissions.remove'; mailbox: string; grantee: MemberRef }
  | { kind: 'resource.create'; name: string; type: ResourceType; description: string | null; hiddenFromGlobalAddressList: boolean }
  | { kind: 'resource.update'; name: string; changes: ResourceChanges }
  | { kind: 'resource.enable'; name: string; email: string }
  | { kind: 'resource.disable'; name: string }
  | { kind: 'delegate.add'; resource: string; delegate: MemberRef }
  | { kind: 'delegate.remove'; resource: string; delegate: MemberRef };

export type MigrationStepKind = MigrationStep['kind'];

export type ResourceChanges = { type?: ResourceType; description?: string; hiddenFromGlobalAddressList?: boolean; bookingOptions?: BookingOptions };

export type UserChanges = Partial<UserDetails> & { displayName?: string; hiddenFromGlobalAddressList?: boolean; role?: UserRole };

/** The order of kinds in a plan: what a step needs exists before it (domains, then entities, then their links). */
export const stepOrder: readonly MigrationStepKind[] = [
  'domain.register',
  'user.create',
  'user.update',
  'user.enable',
  'group.create',
  'group.update',
  'group.enable',
  'address.primary',
  'alias.remove',
  'alias.add',
  'quota.set',
  'member.remove',
  'member.add',
  'permissions.remove',
  'permissions.put',
  'resource.create',
  'resource.enable',
  // A delegate arrives before automatic acceptance is turned off, and leaves after it is turned back on.
  'delegate.add',
  'resource.update',
  'delegate.remove',
  'resource.disable',
  'group.disable',
  'user.disable',
];

/** How each kind reads in the plan's counts. */
export const stepLabels: Record<MigrationStepKind, string> = {
  'domain.register': 'domains to add',
  'user.create': 'users to create',
  'user.update': 'users to update',
  'user.enable': 'users to enable',
  'user.disable': 'users to disable',
  'group.create': 'groups to create',
  'group.enable': 'groups to enable',
  'group.disable': 'groups to disable',
  'group.update': 'groups to update',
  'address.primary': 'primary addresses to change',
  'alias.add': 'aliases to add',
  'alias.remove': 'aliases to remove',
  'quota.set': 'mailbox quotas to set',
  'member.add': 'group members to add',
  'member.remove': 'group members to remove',
  'permissions.put': 'mailbox permissions to grant',
  'permissions.remove': 'mailbox permissions to revoke',
  'resource.create': 'resources to create',
  'resource.update': 'resources to update',
  'resource.enable': 'resources to enable',
  'resource.disable': 'resources to disable',
  'delegate.add': 'resource delegates to add',
  'delegate.remove': 'resource delegates to remove',
};

/** A line of the plan: what changes, on what. Never a password. */
export function describeStep(step: MigrationStep): string {
  const entity = (ref: MemberRef) => `${ref.type === 'GROUP' ? 'group' : 'user'} ${ref.name}`;
  switch (step.kind) {
    case 'domain.register':
      return `add domain ${step.domain}`;
    case 'user.create': {
      const password = { none: 'no password', password: 'password from the CSV', 'reset-link': 'reset link' }[step.password.kind];
      return `create user ${step.name} (${step.email ?? 'disabled'}, ${step.role}, ${password})`;
    }
    case 'user.update':
      return `update user ${step.name}: ${Object.keys(step.changes).join(', ')}`;
    case 'user.enable':
      return `enable user ${step.name} as ${step.email}`;
    case 'user.disable':
      return `disable user ${step.name}`;
    case 'group.create':
      return `create group ${step.name}`;
    case 'group.enable':
      return `enable group ${step.name} as ${step.email}`;
    case 'group.disable':
      return `disable group ${step.name}`;
    case 'group.update':
      return `update group ${step.name}: ${step.hiddenFromGlobalAddressList ? 'hidden from' : 'shown in'} the address list`;
    case 'address.primary':
      return `make ${step.email} the primary address of ${entity(step.entity)}`;
    case 'alias.add':
      return `add alias ${step.alias} to ${entity(step.entity)}`;
    case 'alias.remove':
      return `remove alias ${step.alias} from ${entity(step.entity)}`;
    case 'quota.set':
      return `set the mailbox quota of ${step.name} to ${step.quotaMb} MB`;
    case 'member.add':
      return `add ${entity(step.member)} to group ${step.group}`;
    case 'member.remove':
      return `remove ${entity(step.member)} from group ${step.group}`;
    case 'permissions.put':
      return `grant ${step.permissions.join(', ')} on ${step.mailbox}'s mailbox to ${entity(step.grantee)}`;
    case 'permissions.remove':
      return `revoke every permission of ${entity(step.grantee)} on ${step.mailbox}'s mailbox`;
    case 'resource.create':
      return `create ${step.type === 'ROOM' ? 'room' : 'equipment'} ${step.name}`;
    case 'resource.update':
      return `update resource ${step.name}: ${Object.keys(step.changes).join(', ')}`;
    case 'resource.enable':
      return `enable resource ${step.name} as ${step.email}`;
    case 'resource.disable':
      return `disable resource ${step.name}`;
    case 'delegate.add':
      return `make ${entity(step.delegate)} a delegate of resource ${step.resource}`;
    case 'delegate.remove':
      return `remove ${entity(step.delegate)} as a delegate of resource ${step.resource}`;
  }
}
