import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { MobileAccessEffect } from '@mailyard/core/mobile-access';

/** A rule's or a device's effect: allowed (green) or blocked (red). `verb` words it for a device rather than a rule. */
export function EffectIndicator({ effect, verb = false }: { effect: MobileAccessEffect; verb?: boolean }) {
  return effect === 'ALLOW' ? (
    <StatusIndicator type="success">{verb ? 'Allowed' : 'Allow'}</StatusIndicator>
  ) : (
    <StatusIndicator type="error">{verb ? 'Blocked' : 'Deny'}</StatusIndicator>
  );
}
