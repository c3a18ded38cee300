import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { DirectoryHealth as Health } from '@mailyard/core/directories';

const shown: Record<Health, { type: 'success' | 'error' | 'pending'; text: string }> = {
  Healthy: { type: 'success', text: 'Reachable' },
  Unavailable: { type: 'error', text: 'Unavailable' },
  Unknown: { type: 'pending', text: 'Not checked yet' },
};

/** Whether the directory answered the last test, sync or periodic check. */
export function DirectoryHealth({ health }: { health: Health }) {
  const { type, text } = shown[health];
  return <StatusIndicator type={type}>{text}</StatusIndicator>;
}
