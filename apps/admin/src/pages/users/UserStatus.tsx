import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { EntityState } from '@mailyard/core/entities';
import { userStatusLabel, type UserRole } from '@mailyard/core/users';

const indicator: Record<EntityState, StatusIndicatorProps.Type> = {
  ENABLED: 'success',
  DISABLED: 'stopped',
  DELETED: 'error',
};

/** A user's state as the users list shows it: "System user" for system users, else Enabled / Disabled / Deleted. */
export function UserStatus({ user }: { user: { role: UserRole; state: EntityState } }) {
  const type = user.role === 'SYSTEM_USER' ? 'info' : indicator[user.state];
  return <StatusIndicator type={type}>{userStatusLabel(user)}</StatusIndicator>;
}

export const roleLabels: Record<UserRole, string> = {
  USER: 'User',
  SYSTEM_USER: 'System user',
  REMOTE_USER: 'Remote user',
  RESOURCE: 'Resource',
};
