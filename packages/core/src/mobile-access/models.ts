import type { MobileDeviceAccessDecision } from './evaluate.ts';
import type { MobileAccessEffect, MobileDeviceAccessConditions } from './rules.ts';

export interface MobileDeviceAccessRule {
  id: string;
  name: string;
  description: string | null;
  effect: MobileAccessEffect;
  conditions: MobileDeviceAccessConditions;
  createdAt: Date;
  updatedAt: Date;
}

export interface MobileDeviceAccessOverride {
  userId: string;
  /** Lower case: device ids compare without case. */
  deviceId: string;
  effect: MobileAccessEffect;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A device of the user's Mobile devices tab with the access it gets now, and why. */
export interface DeviceAccessView {
  deviceId: string;
  decision: MobileDeviceAccessDecision;
}
