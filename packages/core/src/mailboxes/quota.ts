import { z } from 'zod';
import type { EntityState } from '../entities/state.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';

/** "Quotas can range from 1 MB to 51,200 MB (50 GB)"; new mailboxes get the maximum. */
export const MIN_QUOTA_MB = 1;
export const MAX_QUOTA_MB = 51200;
export const DEFAULT_QUOTA_MB = 51200;
export const QUOTA_RANGE_MESSAGE = 'Mailbox quota must be a whole number from 1 to 51,200 MB.';

/** 51,200 MB = 50 GB, so a MB here is 2^20 bytes. */
export const BYTES_PER_MB = 1024 * 1024;

/** One message for every way out of range (0, 51201, 1.5, NaN, not a number), so it always states the range. */
export const quotaSchema = z
  .number({ error: QUOTA_RANGE_MESSAGE })
  .int(QUOTA_RANGE_MESSAGE)
  .min(MIN_QUOTA_MB, QUOTA_RANGE_MESSAGE)
  .max(MAX_QUOTA_MB, QUOTA_RANGE_MESSAGE);

export function quotaRefusal(quotaMb: number): Refusal | null {
  return Number.isInteger(quotaMb) && quotaMb >= MIN_QUOTA_MB && quotaMb <= MAX_QUOTA_MB
    ? null
    : refusal('MAILBOX.QUOTA_RANGE', QUOTA_RANGE_MESSAGE, { field: 'quotaMb', min: MIN_QUOTA_MB, max: MAX_QUOTA_MB });
}

export const quotaBytes = (quotaMb: number) => quotaMb * BYTES_PER_MB;

/** WorkMail reports MailboxSize in MB as a double. */
export const usageMb = (usageBytes: number) => usageBytes / BYTES_PER_MB;

/** Users are notified when they reach 90 % of their quota. */
export const QUOTA_WARNING_PERCENT = 90;
export const QUOTA_WARNING_RATIO = QUOTA_WARNING_PERCENT / 100;

/** Integer arithmetic (bytes × 100 stays far below 2^53), so 90 % of 51,200 MB is exact. */
export const isAboveWarning = (usageBytes: number, quotaMb: number) =>
  usageBytes * 100 >= quotaBytes(quotaMb) * QUOTA_WARNING_PERCENT;

/**
 * Whether a usage change crosses the 90 % line. The notice is sent on `crossed_up` only; `crossed_down` re-arms it,
 * so a user hovering around the line gets one notice per crossing, not one per report.
 */
export function quotaCrossing(prevUsageBytes: number, newUsageBytes: number, quotaMb: number): 'crossed_up' | 'crossed_down' | null {
  const before = isAboveWarning(prevUsageBytes, quotaMb);
  const after = isAboveWarning(newUsageBytes, quotaMb);
  if (!before && after) return 'crossed_up';
  if (before && !after) return 'crossed_down';
  return null;
}

/**
 * The 90 % notice against what was already sent: `notify` when usage is at or above the line and no notice is
 * outstanding, `rearm` when usage is below it again and one is. Equivalent to `quotaCrossing` for a usage change,
 * and it also covers a quota change (usage fixed, line moved) and a crossing missed while the user was disabled.
 */
export function quotaWarningStep(warningSent: boolean, usageBytes: number, quotaMb: number): 'notify' | 'rearm' | null {
  const above = isAboveWarning(usageBytes, quotaMb);
  if (above && !warningSent) return 'notify';
  if (!above && warningSent) return 'rearm';
  return null;
}

export type UsageState = 'ok' | 'warning' | 'full';

/** For the usage bar: full at or above the quota, warning from 90 %. */
export function usageState(usageBytes: number, quotaMb: number): UsageState {
  if (usageBytes >= quotaBytes(quotaMb)) return 'full';
  return isAboveWarning(usageBytes, quotaMb) ? 'warning' : 'ok';
}

/** The quota of an enabled user's mailbox can change; a disabled user's is frozen until the user is enabled again. */
export function quotaChangeRefusal(user: { name: string; state: EntityState }): Refusal | null {
  if (user.state === 'ENABLED') return null;
  return refusal(
    'USER.INVALID_STATE',
    user.state === 'DISABLED'
      ? `User "${user.name}" is disabled: enable the user before changing the mailbox quota.`
      : `User "${user.name}" is deleted and has no mailbox.`,
    { state: user.state },
  );
}
