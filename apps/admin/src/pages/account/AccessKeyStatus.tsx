import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { AccessKeyStatus as Status } from '@mailyard/core/access-keys';

export function AccessKeyStatus({ status }: { status: Status }) {
  return status === 'Active' ? <StatusIndicator type="success">Active</StatusIndicator> : <StatusIndicator type="stopped">Inactive</StatusIndicator>;
}
