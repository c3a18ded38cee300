import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { wipeStatusLabels, type DeviceView } from '@mailyard/core/devices';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Message } from '../components/Message.tsx';
import { Section } from '../components/Section.tsx';
import { errorInfo } from '../lib/errors.ts';
import { formatDateTime } from '../lib/format.ts';
import { useTRPC } from '../lib/trpc.ts';

type Action = { kind: 'remove' | 'wipe'; device: DeviceView };

const deviceName = (d: DeviceView) => [d.deviceType, d.model].filter(Boolean).join(' ') || d.deviceId;

/** Phones and tablets that sync the mailbox: remove one, or wipe a lost one (after a confirmation). */
export function DevicesSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const devices = useQuery(trpc.portal.devices.list.queryOptions());
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const settled = async (text: string) => {
    setAction(null);
    setDone(text);
    await queryClient.invalidateQueries(trpc.portal.devices.list.queryFilter());
  };
  const remove = useMutation(trpc.portal.devices.remove.mutationOptions({ onSuccess: () => settled(`${deviceName(action!.device)} was removed.`) }));
  const wipe = useMutation(
    trpc.portal.devices.wipe.mutationOptions({ onSuccess: () => settled(`${deviceName(action!.device)} will erase itself the next time it connects.`) }),
  );
  const cancelWipe = useMutation(trpc.portal.devices.cancelWipe.mutationOptions({ onSuccess: () => settled('The wipe was withdrawn.') }));
  const pending = action?.kind === 'wipe' ? wipe : remove;

  return (
    <Section id="devices" title="Mobile devices">
      <Message tone="success">{done}</Message>
      <Message tone="error">{cancelWipe.error && errorInfo(cancelWipe.error).message}</Message>
      {devices.isPending ? (
        <p role="status">Loading…</p>
      ) : devices.error ? (
        <p className="message message-error">{errorInfo(devices.error).message}</p>
      ) : devices.data.length === 0 ? (
        <p className="muted">No phone or tablet syncs your mailbox.</p>
      ) : (
        <ul className="rows" aria-label="Mobile devices">
          {devices.data.map((d) => (
            <li key={d.deviceId} className="row row-wrap">
              <span className="row-main">
                <strong>{deviceName(d)}</strong>
                <span className="muted small">
                  {[d.operatingSystem, `last synced ${formatDateTime(d.lastSyncAt)}`].filter(Boolean).join(' · ')}
                </span>
                {d.wipeStatus && <span className="badge badge-danger">{wipeStatusLabels[d.wipeStatus]}</span>}
              </span>
              <span className="row-actions">
                {d.wipeStatus === null && (
                  <button type="button" className="button button-small button-quiet-danger" onClick={() => setAction({ kind: 'wipe', device: d })} aria-label={`Wipe ${deviceName(d)}`}>
                    Wipe
                  </button>
                )}
                {d.wipeStatus === 'PENDING' && (
                  <button type="button" className="button button-small" onClick={() => cancelWipe.mutate({ deviceId: d.deviceId })} aria-label={`Cancel the wipe of ${deviceName(d)}`}>
                    Cancel wipe
                  </button>
                )}
                <button type="button" className="button button-small" onClick={() => setAction({ kind: 'remove', device: d })} aria-label={`Remove ${deviceName(d)}`}>
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}

      <ConfirmDialog
        open={action !== null}
        title={action?.kind === 'wipe' ? `Wipe ${action ? deviceName(action.device) : ''}?` : `Remove ${action ? deviceName(action.device) : ''}?`}
        confirmLabel={action?.kind === 'wipe' ? 'Wipe device' : 'Remove device'}
        busy={pending.isPending}
        error={pending.error ? errorInfo(pending.error).message : null}
        onConfirm={() => action && (action.kind === 'wipe' ? wipe : remove).mutate({ deviceId: action.device.deviceId })}
        onCancel={() => {
          setAction(null);
          remove.reset();
          wipe.reset();
        }}
      >
        {action?.kind === 'wipe' ? (
          <p>
            <strong>Everything on the device will be erased</strong> — mail, contacts, apps and photos — the next time it connects. Use this for a lost or
            stolen device. It cannot be undone once the device has been told.
          </p>
        ) : (
          <p>The device leaves this list. If it syncs again it comes back; to lock it out, change your password.</p>
        )}
      </ConfirmDialog>
    </Section>
  );
}
