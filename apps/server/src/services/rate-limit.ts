import { fail } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { clearRateLimit, hitRateLimit, rateLimitCount } from '@mailyard/db/queries/rate-limits';

export interface RateLimitRule {
  /** e.g. `signin:addr:` + lower-cased address */
  key: string;
  limit: number;
  windowMs: number;
}

const windowStart = (now: Date, windowMs: number) => new Date(Math.floor(now.getTime() / windowMs) * windowMs);

/** Refuses with AUTH.RATE_LIMITED when any rule's window is already full. Counts nothing. */
export async function assertUnderLimits(db: Db, rules: RateLimitRule[], now: Date): Promise<void> {
  for (const rule of rules) {
    const start = windowStart(now, rule.windowMs);
    if ((await rateLimitCount(db, rule.key, start)) >= rule.limit) {
      const retryAfterSeconds = Math.ceil((start.getTime() + rule.windowMs - now.getTime()) / 1000);
      fail('AUTH.RATE_LIMITED', `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, {
        retryAfterSeconds,
      });
    }
  }
}

/** Counts one attempt against every rule. */
export async function countAttempt(db: Db, rules: RateLimitRule[], now: Date): Promise<void> {
  for (const rule of rules) await hitRateLimit(db, rule.key, windowStart(now, rule.windowMs));
}

export async function resetLimit(db: Db, key: string): Promise<void> {
  await clearRateLimit(db, key);
}
