import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { ApiTokenStatus as Status } from '@mailyard/core/api-tokens';

const statuses: Record<Status, [StatusIndicatorProps.Type, string]> = {
  active: ['success', 'Active'],
  expired: ['warning', 'Expired'],
  revoked: ['stopped', 'Revoked'],
};

export function ApiTokenStatus({ status }: { status: Status }) {
  const [type, text] = statuses[status];
  return (
    <StatusIndicator type={type} wrapText={false}>
      {text}
    </StatusIndicator>
  );
}
