import { fail } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { clearRateLimit, hitRateLimit, rateLimitCount } from '@mailyard/db/queries/rate-limits';
import type { UserKey } from '@mailyard/db/queries/self-service';
import { MINUTE_MS } from '../platform/clock.ts';

export interface RateLimitRule {
  /** e.g. `user-signin:addr:` + lower-cased address */
  key: string;
  limit: number;
  windowMinutes: number;
}

/** A signed-out step's pair of budgets: `perAddress` for the address typed, `perIp` for the client, under `name`. */
export function perAddressAndIp(
  name: string,
  limits: { perAddress: number; perIp: number; windowMinutes: number },
  address: string,
  ip: string,
): RateLimitRule[] {
  const { windowMinutes } = limits;
  return [
    { key: `${name}:addr:${address.toLowerCase()}`, limit: limits.perAddress, windowMinutes },
    { key: `${name}:ip:${ip}`, limit: limits.perIp, windowMinutes },
  ];
}

/** One user's budget (`perUser`) under `name`. */
export const perUser = (name: string, limits: { perUser: number; windowMinutes: number }, user: UserKey): RateLimitRule[] => [
  { key: `${name}:${user.organizationId}:${user.userId}`, limit: limits.perUser, windowMinutes: limits.windowMinutes },
];

const windowMsOf = (rule: RateLimitRule) => rule.windowMinutes * MINUTE_MS;
const windowStart = (now: Date, windowMs: number) => new Date(Math.floor(now.getTime() / windowMs) * windowMs);

/** Refuses with AUTH.RATE_LIMITED when any rule's window is already full. Counts nothing. */
export async function assertUnderLimits(db: Db, rules: RateLimitRule[], now: Date): Promise<void> {
  for (const rule of rules) {
    const windowMs = windowMsOf(rule);
    const start = windowStart(now, windowMs);
    if ((await rateLimitCount(db, rule.key, start)) >= rule.limit) {
      const retryAfterSeconds = Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000);
      fail('AUTH.RATE_LIMITED', `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, {
        retryAfterSeconds,
      });
    }
  }
}

/** Counts one attempt against every rule. */
export async function countAttempt(db: Db, rules: RateLimitRule[], now: Date): Promise<void> {
  for (const rule of rules) await hitRateLimit(db, rule.key, windowStart(now, windowMsOf(rule)));
}

export async function resetLimit(db: Db, key: string): Promise<void> {
  await clearRateLimit(db, key);
}
