import Popover from '@cloudscape-design/components/popover';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { OutboxEntry, OutboxState } from '@mailyard/core/notices';

const states: Record<OutboxState, [StatusIndicatorProps.Type, string]> = {
  queued: ['pending', 'Queued'],
  sent: ['success', 'Sent'],
  kept: ['info', 'Kept (no SMTP relay)'],
  failed: ['error', 'Failed'],
};

const kinds: Record<string, string> = {
  'mailbox.quota_warning': 'Quota warning',
  'portal.reset_link': 'Password reset link',
  'portal.recovery_code': 'Recovery address code',
  'portal.recovery_changed': 'Recovery address changed',
};
export const kindLabel = (kind: string) => kinds[kind] ?? kind;

/** A notice's delivery state; a failed one tells why on hover or focus. */
export function OutboxStatus({ entry }: { entry: OutboxEntry }) {
  const [type, text] = states[entry.state];
  const status = <StatusIndicator type={type}>{text}</StatusIndicator>;
  if (!entry.lastError) return status;
  return (
    <Popover header="Last delivery error" content={entry.lastError} dismissButton={false} size="large">
      {status}
    </Popover>
  );
}
