import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { mustWipe, type DeviceView } from '@mailyard/core/devices';
import type { MobileDeviceAccessDecision } from '@mailyard/core/mobile-access';
import type { UserDetail } from '@mailyard/core/users';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { TruncatedText } from '../../components/TruncatedText.tsx';
import { formatDateTimeShort } from '../../lib/format.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { ConfirmDialog } from '../../components/dialogs/ConfirmDialog.tsx';
import { EffectIndicator } from '../mobile-access/EffectIndicator.tsx';
import { DeviceDetailsModal } from './DeviceDetailsModal.tsx';
import { OverrideAccessDialog } from './OverrideAccessDialog.tsx';
import { WipeStatus } from './WipeStatus.tsx';
import { USERS_NOTICE } from './notice-id.ts';

/** While a wipe is on its way the list follows it without Refresh. */
const WIPE_POLL_MS = 10_000;

type Dialog = 'details' | 'remove' | 'wipe' | 'cancel-wipe' | 'override' | null;

/** Why a device gets its access, in a few words: the override, or the rules that decided. */
function decidedBy(d: MobileDeviceAccessDecision): string {
  if (d.decidedBy === 'override') return d.override?.description ? `Override: ${d.override.description}` : 'Override';
  if (d.rules.matchedRules.length === 0) return 'No rule allows it';
  return `Rule ${d.rules.matchedRules.map((r) => r.name).join(', ')}`;
}

/** The Mobile devices tab: the devices that synced as this user; details, Remove and remote Wipe. */
export function UserDevicesTab({ organizationId, user }: { organizationId: string; user: UserDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const devices = useQuery(
    trpc.devices.list.queryOptions(
      { organizationId, userId: user.id },
      { refetchInterval: (q) => (q.state.data?.some((d) => mustWipe(d.wipeStatus)) ? WIPE_POLL_MS : false) },
    ),
  );
  const access = useQuery(trpc.mobileAccess.userDevices.queryOptions({ organizationId, userId: user.id }));
  const decisionOf = new Map((access.data ?? []).map((a) => [a.deviceId, a.decision]));
  const items = devices.data ?? [];
  const selected = items.find((d) => d.deviceId === selectedId) ?? null;
  const ref = selected && { organizationId, userId: user.id, deviceId: selected.deviceId };

  const done = async (message: string) => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.devices.pathFilter()),
      queryClient.invalidateQueries(trpc.mobileAccess.pathFilter()),
      queryClient.invalidateQueries(trpc.activity.pathFilter()),
    ]);
    setDialog(null);
    notify({ id: USERS_NOTICE, type: 'success', content: message });
  };
  const remove = useMutation(
    trpc.devices.remove.mutationOptions({
      onSuccess: async ({ deviceId }) => {
        setSelectedId(null);
        await done(`Device ${deviceId} was removed. It appears again if it syncs with this account again.`);
      },
    }),
  );
  const wipe = useMutation(
    trpc.devices.wipe.mutationOptions({
      onSuccess: (device) => done(`A wipe of device ${device.deviceId} is pending: the device erases its data on its next sync.`),
    }),
  );
  const cancelWipe = useMutation(trpc.devices.cancelWipe.mutationOptions({ onSuccess: (device) => done(`The wipe of device ${device.deviceId} was cancelled.`) }));

  const open = (device: DeviceView, next: Dialog) => {
    setSelectedId(device.deviceId);
    setDialog(next);
  };

  if (access.isError) return <ErrorAlert header="The devices' access could not be loaded" error={access.error} onRetry={() => void access.refetch()} />;
  if (devices.isError) return <ErrorAlert header="The devices could not be loaded" error={devices.error} onRetry={() => void devices.refetch()} />;

  return (
    <>
      <Table
        trackBy="deviceId"
        items={items}
        loading={devices.isPending}
        loadingText="Loading devices"
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={({ detail }) => setSelectedId(detail.selectedItems[0]?.deviceId ?? null)}
        ariaLabels={{ selectionGroupLabel: 'Device selection', itemSelectionLabel: (_, d) => `Select device ${d.deviceId}`, allItemsSelectionLabel: () => 'Select all' }}
        header={
          <Header
            variant="h2"
            counter={devices.data ? `(${items.length})` : undefined}
            description="Phones and tablets that synced with this user's mailbox, and whether each may sync now under the organization's mobile device access rules or an override. A removed device appears again when it syncs again."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" loading={devices.isRefetching || access.isRefetching} onClick={() => void Promise.all([devices.refetch(), access.refetch()])}>
                  Refresh
                </Button>
                <Button
                  disabled={!selected || !decisionOf.has(selected.deviceId)}
                  disabledReason="Select a device to allow or block it."
                  onClick={() => setDialog('override')}
                >
                  Override access
                </Button>
                {selected?.wipeStatus === 'PENDING' && <Button onClick={() => setDialog('cancel-wipe')}>Cancel wipe</Button>}
                <Button disabled={!selected} disabledReason="Select a device to remove it." onClick={() => setDialog('remove')}>
                  Remove
                </Button>
                <Button
                  disabled={!selected || selected.wipeStatus !== null}
                  disabledReason={selected ? 'This device already has a wipe requested.' : 'Select a device to wipe it.'}
                  onClick={() => setDialog('wipe')}
                >
                  Wipe
                </Button>
              </SpaceBetween>
            }
          >
            Mobile devices
          </Header>
        }
        columnDefinitions={[
          {
            id: 'deviceId',
            header: 'Device ID',
            isRowHeader: true,
            cell: (d) => (
              <Link onFollow={() => open(d, 'details')} ariaLabel={`Details of device ${d.deviceId}`}>
                {d.deviceId}
              </Link>
            ),
          },
          { id: 'type', header: 'Type', cell: (d) => d.deviceType ?? '-' },
          { id: 'model', header: 'Model', cell: (d) => d.model ?? '-' },
          { id: 'os', header: 'Operating system', cell: (d) => d.operatingSystem ?? '-' },
          { id: 'lastSync', header: 'Last sync', cell: (d) => formatDateTimeShort(d.lastSyncAt) },
          {
            id: 'access',
            header: 'Access',
            cell: (d) => {
              const decision = decisionOf.get(d.deviceId);
              return decision ? <EffectIndicator effect={decision.effect} verb /> : '-';
            },
          },
          { id: 'decidedBy', header: 'Decided by', cell: (d) => <TruncatedText text={decisionOf.has(d.deviceId) ? decidedBy(decisionOf.get(d.deviceId)!) : '-'} /> },
          { id: 'wipe', header: 'Wipe status', cell: (d) => <WipeStatus status={d.wipeStatus} /> },
        ]}
        empty={<TableEmptyState title="No mobile devices" subtitle="A device appears here once it syncs with this user's email address and password." />}
      />
      {dialog === 'override' && ref && decisionOf.has(ref.deviceId) && (
        <OverrideAccessDialog
          organizationId={organizationId}
          userId={user.id}
          userName={user.name}
          deviceId={ref.deviceId}
          decision={decisionOf.get(ref.deviceId)!}
          onDismiss={() => setDialog(null)}
        />
      )}
      {dialog === 'details' && selected && <DeviceDetailsModal organizationId={organizationId} userId={user.id} device={selected} onDismiss={() => setDialog(null)} />}
      {dialog === 'remove' && ref && (
        <ConfirmDialog header="Remove device" confirmText="Remove" loading={remove.isPending} error={remove.error} onDismiss={() => setDialog(null)} onConfirm={() => remove.mutate(ref)}>
          <Box variant="p">
            Remove device <b>{ref.deviceId}</b> from {user.name}? Its record and any wipe request are deleted. The device appears again if it syncs with this account
            again; to erase it, wipe it instead.
          </Box>
        </ConfirmDialog>
      )}
      {dialog === 'wipe' && ref && (
        <ConfirmDialog header="Wipe device" confirmText="Wipe" loading={wipe.isPending} error={wipe.error} onDismiss={() => setDialog(null)} onConfirm={() => wipe.mutate(ref)}>
          <Box variant="p">
            Wipe device <b>{ref.deviceId}</b> of {user.name}? On its next sync the device is told to erase all its data and return to its factory settings. This cannot be
            undone once the device has been told.
          </Box>
        </ConfirmDialog>
      )}
      {dialog === 'cancel-wipe' && ref && (
        <ConfirmDialog
          header="Cancel wipe"
          confirmText="Cancel wipe"
          cancelText="Keep wipe"
          loading={cancelWipe.isPending}
          error={cancelWipe.error}
          onDismiss={() => setDialog(null)}
          onConfirm={() => cancelWipe.mutate(ref)}
        >
          <Box variant="p">
            Cancel the pending wipe of device <b>{ref.deviceId}</b>? The device has not been told yet, so it keeps its data.
          </Box>
        </ConfirmDialog>
      )}
    </>
  );
}
