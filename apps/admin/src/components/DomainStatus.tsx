import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';

const statuses: Record<string, [StatusIndicatorProps.Type, string]> = {
  VERIFIED: ['success', 'Verified'],
  PENDING: ['pending', 'Pending'],
  FAILED: ['error', 'Failed'],
};

/** A mail domain's DNS verification status (WorkMail's PENDING | VERIFIED | FAILED). */
export function DomainStatus({ status }: { status: string }) {
  const [type, text] = statuses[status] ?? (['info', status] as const);
  return <StatusIndicator type={type}>{text}</StatusIndicator>;
}
