import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { EntityState } from '@mailyard/core/entities';

const statuses: Record<EntityState, [StatusIndicatorProps.Type, string]> = {
  ENABLED: ['success', 'Enabled'],
  DISABLED: ['stopped', 'Disabled'],
  DELETED: ['not-started', 'Deleted'],
};

/** The state of a user or group (WorkMail's EntityState) as the console shows it. */
export function EntityStatus({ state }: { state: EntityState }) {
  const [type, text] = statuses[state];
  return <StatusIndicator type={type}>{text}</StatusIndicator>;
}

export const entityStateText = (state: EntityState) => statuses[state][1];
