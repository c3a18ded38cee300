import { z } from 'zod';
import type { EntityState } from '../entities/state.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';

/** WorkMail's UserRole. */
export const userRoles = ['USER', 'SYSTEM_USER', 'REMOTE_USER', 'RESOURCE'] as const;
export type UserRole = (typeof userRoles)[number];
export const UserRoleSchema = z.enum(userRoles);

/** CreateUser and UpdateUser may not set SYSTEM_USER or RESOURCE (WorkMail model doc). */
export const assignableRoles = ['USER', 'REMOTE_USER'] as const satisfies readonly UserRole[];

export function roleRefusal(role: UserRole): Refusal | null {
  return (assignableRoles as readonly string[]).includes(role)
    ? null
    : refusal('USER.ROLE_NOT_ALLOWED', `Role ${role} cannot be given to a user; use USER or REMOTE_USER.`, { field: 'role' });
}

/** How the users list labels a row: system users show "System user" whatever their state. */
export function userStatusLabel(user: { role: UserRole; state: EntityState }): string {
  if (user.role === 'SYSTEM_USER') return 'System user';
  return { ENABLED: 'Enabled', DISABLED: 'Disabled', DELETED: 'Deleted' }[user.state];
}
