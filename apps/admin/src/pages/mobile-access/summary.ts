import { deviceProperties, type MobileDeviceAccessConditions } from '@mailyard/core/mobile-access';

/** A rule's conditions in one line ("Device types: android · not user agents: Outlook"), or that it applies to all. */
export function conditionsSummary(c: MobileDeviceAccessConditions): string {
  const parts = deviceProperties.flatMap((p) => [
    ...(c[p.key].length ? [`${p.label}: ${c[p.key].join(', ')}`] : []),
    ...(c[p.not].length ? [`not ${p.label.toLowerCase()}: ${c[p.not].join(', ')}`] : []),
  ]);
  return parts.length ? parts.join(' · ') : 'Every device';
}
