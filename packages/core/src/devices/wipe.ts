import { fail } from '../errors/domain-error.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';

/**
 * Remote wipe, as in Exchange ActiveSync: the operator asks (PENDING), the device is told on its next sync (SENT),
 * the device acknowledges (WIPED). `null` = no wipe asked.
 */
export const wipeStatuses = ['PENDING', 'SENT', 'WIPED'] as const;
export type WipeStatus = (typeof wipeStatuses)[number];
export type WipeState = WipeStatus | null;

export type WipeEvent =
  | 'request' // the operator confirmed Wipe
  | 'cancel' // the operator withdrew a wipe the device was not told about yet
  | 'sync' // the device synced
  | 'acknowledge'; // the device reported the wipe done

export const wipeEvents: readonly WipeEvent[] = ['request', 'cancel', 'sync', 'acknowledge'];

export type WipeTransition = { ok: true; status: WipeState } | { ok: false; refusal: Refusal };

const to = (status: WipeState): WipeTransition => ({ ok: true, status });
const refuse = (message: string, current: WipeState): WipeTransition => ({
  ok: false,
  refusal: refusal('DEVICE.INVALID_STATE', message, { wipeStatus: current }),
});

export function nextWipeStatus(current: WipeState, event: WipeEvent): WipeTransition {
  switch (event) {
    case 'request':
      if (current === null) return to('PENDING');
      return refuse(current === 'WIPED' ? 'This device has already been wiped.' : 'A wipe is already pending for this device.', current);
    case 'cancel':
      if (current === 'PENDING') return to(null);
      return refuse(
        current === null
          ? 'No wipe is pending for this device.'
          : current === 'SENT'
            ? 'The device has already been told to wipe; the wipe can no longer be cancelled.'
            : 'This device has already been wiped.',
        current,
      );
    case 'sync':
      // SENT stays SENT: the device is told again on every sync until it acknowledges (a lost reply must not lose the wipe).
      if (current === null) return to(null);
      if (current === 'PENDING' || current === 'SENT') return to('SENT');
      // A wiped device gets no access again until the operator removes it; a sync after removal starts afresh.
      return refuse('This device has been wiped; remove it before it can sync again.', current);
    case 'acknowledge':
      // WIPED → WIPED: the device may repeat its acknowledgement if our reply was lost.
      if (current === 'SENT' || current === 'WIPED') return to('WIPED');
      return refuse('The device acknowledged a wipe it was not told about.', current);
  }
}

/** Whether a syncing device in this state must be told to wipe itself. */
export const mustWipe = (status: WipeState) => status === 'PENDING' || status === 'SENT';

/** The console's status text. */
export const wipeStatusLabels: Record<WipeStatus, string> = {
  PENDING: 'Wipe pending',
  SENT: 'Wipe sent',
  WIPED: 'Wiped',
};

/** As `nextWipeStatus`, throwing the refusal: for a caller acting on one device. */
export function wipeStatusAfter(current: WipeState, event: WipeEvent): WipeState {
  const t = nextWipeStatus(current, event);
  return t.ok ? t.status : fail(t.refusal.code, t.refusal.message, t.refusal.details);
}
