import { describe, expect, it } from 'vitest';
import {
  deviceAccessRefusal,
  DeviceSyncReport,
  MAX_DEVICES_PER_USER,
  mustWipe,
  newDeviceRefusal,
  nextWipeStatus,
  normalizeDeviceId,
  wipeEvents,
  wipeStatusAfter,
  type WipeEvent,
  type WipeState,
} from './index.ts';

const states: WipeState[] = [null, 'PENDING', 'SENT', 'WIPED'];

/** Every (state, event) pair: the next state, or 'refused'. */
const table: Record<string, Record<WipeEvent, WipeState | 'refused'>> = {
  null: { request: 'PENDING', cancel: 'refused', sync: null, acknowledge: 'refused' },
  PENDING: { request: 'refused', cancel: null, sync: 'SENT', acknowledge: 'refused' },
  SENT: { request: 'refused', cancel: 'refused', sync: 'SENT', acknowledge: 'WIPED' },
  WIPED: { request: 'refused', cancel: 'refused', sync: 'refused', acknowledge: 'WIPED' },
};

describe('nextWipeStatus', () => {
  const cases = states.flatMap((s) => wipeEvents.map((e) => [String(s), e, table[String(s)]![e]] as const));
  it('covers every state and event', () => {
    expect(cases).toHaveLength(16);
  });

  it.each(cases)('%s + %s → %s', (state, event, expected) => {
    const current = state === 'null' ? null : (state as WipeState);
    const t = nextWipeStatus(current, event);
    if (expected === 'refused') {
      expect(t.ok).toBe(false);
      if (!t.ok) {
        expect(t.refusal.code).toBe('DEVICE.INVALID_STATE');
        expect(t.refusal.message.length).toBeGreaterThan(0);
      }
    } else {
      expect(t).toEqual({ ok: true, status: expected });
    }
  });

  it('runs the whole lifecycle: asked → told on next sync → acknowledged', () => {
    let status: WipeState = null;
    for (const event of ['sync', 'request', 'sync', 'sync', 'acknowledge'] as const) {
      const t = nextWipeStatus(status, event);
      if (!t.ok) throw new Error(t.refusal.message);
      status = t.status;
    }
    expect(status).toBe('WIPED');
  });

  it('tells the device to wipe while pending or sent, not before or after', () => {
    expect(states.map(mustWipe)).toEqual([false, true, true, false]);
  });
});

describe('DeviceSyncReport', () => {
  it('accepts a full report', () => {
    const report = {
      deviceId: 'ABC123def',
      deviceType: 'iPhone',
      model: 'iPhone15,2',
      operatingSystem: 'iOS 17.4',
      userAgent: 'Apple-iPhone15C2/2104.4',
      wipeAcknowledged: true,
    };
    expect(DeviceSyncReport.parse(report)).toEqual(report);
    expect(DeviceSyncReport.parse({ deviceId: 'a' })).toEqual({ deviceId: 'a' });
  });

  it.each([
    ['empty id', { deviceId: '' }],
    ['33-character id', { deviceId: 'a'.repeat(33) }],
    ['id with a hyphen', { deviceId: 'abc-123' }],
    ['257-character model', { deviceId: 'a', model: 'x'.repeat(257) }],
    ['non-boolean acknowledgement', { deviceId: 'a', wipeAcknowledged: 'yes' }],
  ])('refuses %s', (_, report) => {
    expect(DeviceSyncReport.safeParse(report).success).toBe(false);
  });

  it('accepts 32 characters and 256-character fields', () => {
    expect(DeviceSyncReport.safeParse({ deviceId: 'a'.repeat(32), userAgent: 'x'.repeat(256) }).success).toBe(true);
  });

  it('compares device ids without case', () => {
    expect(normalizeDeviceId('AbC1')).toBe('abc1');
  });
});

describe('wipeStatusAfter', () => {
  it('returns the next status, or throws the refusal', () => {
    expect(wipeStatusAfter('PENDING', 'sync')).toBe('SENT');
    expect(() => wipeStatusAfter('WIPED', 'sync')).toThrow(expect.objectContaining({ code: 'DEVICE.INVALID_STATE' }));
  });
});

describe('who may sync', () => {
  it('an enabled user of an Active organization', () => {
    expect(deviceAccessRefusal({ userState: 'ENABLED', organizationState: 'Active', rulesEffect: 'ALLOW' })).toBeNull();
  });
  it('refuses a sync the access control rules deny, without naming the rule, save a wipe owed', () => {
    const denied = { userState: 'ENABLED', organizationState: 'Active', rulesEffect: 'DENY' } as const;
    expect(deviceAccessRefusal(denied)).toMatchObject({ code: 'ACCESS.DENIED_BY_RULES', message: expect.stringContaining("organization's access rules") });
    expect(deviceAccessRefusal(denied, 'PENDING')).toBeNull();
  });
  it.each([
    [{ userState: 'DISABLED', organizationState: 'Active', rulesEffect: 'ALLOW' }, 'user_disabled'],
    [{ userState: 'DELETED', organizationState: 'Active', rulesEffect: 'ALLOW' }, 'user_disabled'],
    [{ userState: 'ENABLED', organizationState: 'Inactive', rulesEffect: 'ALLOW' }, 'organization_not_active'],
    [{ userState: 'ENABLED', organizationState: 'Deleting', rulesEffect: 'ALLOW' }, 'organization_not_active'],
  ] as const)('refuses %o (%s)', (owner, reason) => {
    expect(deviceAccessRefusal(owner)).toMatchObject({ code: 'DEVICE.ACCESS_DENIED', details: { reason } });
    expect(deviceAccessRefusal(owner, 'WIPED')).toMatchObject({ code: 'DEVICE.ACCESS_DENIED', details: { reason } });
    // A device that still owes a wipe is told so, whatever the account's state.
    expect(deviceAccessRefusal(owner, 'PENDING')).toBeNull();
    expect(deviceAccessRefusal(owner, 'SENT')).toBeNull();
  });
  it(`refuses a new device at ${MAX_DEVICES_PER_USER}`, () => {
    expect(newDeviceRefusal(MAX_DEVICES_PER_USER - 1)).toBeNull();
    expect(newDeviceRefusal(MAX_DEVICES_PER_USER)).toMatchObject({ code: 'DEVICE.LIMIT_REACHED', details: { limit: 100 } });
  });
});
