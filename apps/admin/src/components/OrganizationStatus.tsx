import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { OrganizationState } from '@mailyard/core/organizations';

const indicator: Record<OrganizationState, StatusIndicatorProps.Type> = {
  Active: 'success',
  Requested: 'pending',
  Creating: 'in-progress',
  Validating: 'in-progress',
  Deleting: 'in-progress',
  Failed: 'error',
  Impaired: 'warning',
  Inactive: 'stopped',
  Deleted: 'stopped',
};

/** An organization state as the console shows it: icon and the state's name. */
export function OrganizationStatus({ state }: { state: OrganizationState }) {
  return <StatusIndicator type={indicator[state]}>{state}</StatusIndicator>;
}
