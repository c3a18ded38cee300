import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { wipeStatusLabels, type WipeState, type WipeStatus as Status } from '@mailyard/core/devices';

const indicator: Record<Status, StatusIndicatorProps.Type> = {
  PENDING: 'pending',
  SENT: 'in-progress',
  WIPED: 'success',
};

/** A device's remote wipe: wipe pending → wipe sent (told on its last sync) → wiped (the device acknowledged). */
export function WipeStatus({ status }: { status: WipeState }) {
  if (!status) return <>-</>;
  return <StatusIndicator type={indicator[status]}>{wipeStatusLabels[status]}</StatusIndicator>;
}
