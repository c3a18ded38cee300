import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import { useQuery } from '@tanstack/react-query';
import type { DeviceView } from '@mailyard/core/devices';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { WipeStatus } from './WipeStatus.tsx';

interface DeviceDetailsModalProps {
  organizationId: string;
  userId: string;
  /** The row chosen in the table, shown at once while the details are read again. */
  device: DeviceView;
  onDismiss(): void;
}

/** A device's details: what it reported on its last sync, and its wipe's progress. */
export function DeviceDetailsModal({ organizationId, userId, device: row, onDismiss }: DeviceDetailsModalProps) {
  const trpc = useTRPC();
  const query = useQuery(trpc.devices.get.queryOptions({ organizationId, userId, deviceId: row.deviceId }));
  const device = query.data ?? row;
  const or = (v: string | null) => v || '-';
  return (
    <Modal
      visible
      size="large"
      header={`Device ${device.deviceId}`}
      closeAriaLabel="Close dialog"
      onDismiss={onDismiss}
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onDismiss}>
            Close
          </Button>
        </Box>
      }
    >
      {query.isError ? (
        <ErrorAlert header="The device could not be loaded" error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <KeyValuePairs
          columns={2}
          items={[
            {
              type: 'group',
              title: 'Device',
              items: [
                { label: 'Device ID', value: device.deviceId },
                { label: 'Device type', value: or(device.deviceType) },
                { label: 'Model', value: or(device.model) },
                { label: 'Operating system', value: or(device.operatingSystem) },
                { label: 'User agent', value: or(device.userAgent) },
              ],
            },
            {
              type: 'group',
              title: 'Synchronization',
              items: [
                { label: 'First sync', value: formatDateTime(device.firstSyncAt) },
                { label: 'Last sync', value: formatDateTime(device.lastSyncAt) },
                { label: 'Wipe status', value: device.wipeStatus ? <WipeStatus status={device.wipeStatus} /> : 'No wipe requested' },
                { label: 'Wipe requested', value: formatDateTime(device.wipeRequestedAt) },
                { label: 'Wipe sent to the device', value: formatDateTime(device.wipeSentAt) },
                { label: 'Wipe acknowledged', value: formatDateTime(device.wipedAt) },
              ],
            },
          ]}
        />
      )}
    </Modal>
  );
}
