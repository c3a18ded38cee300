import { fail } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { clearRateLimit, hitRateLimits, unhitRateLimit } from '@mailyard/db/queries/rate-limits';
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
const windowOf = (rule: RateLimitRule, now: Date) => {
  const windowMs = windowMsOf(rule);
  return { key: rule.key, windowStart: new Date(Math.floor(now.getTime() / windowMs) * windowMs) };
};

/**
 * Counts one attempt against every rule, then refuses with AUTH.RATE_LIMITED when any window is now over its limit.
 * Called *before* the secret is checked, and counted in the same statement that reads the count, so however the
 * attempts arrive (a tRPC batch, parallel requests, HTTP/2 streams) no more than `limit` of them per window ever
 * reach the check. Inside a transaction the count is undone with it (a refused operator action spends nothing).
 */
export async function consumeAttempt(db: Db, rules: RateLimitRule[], now: Date): Promise<void> {
  const counts = await hitRateLimits(
    db,
    rules.map((rule) => windowOf(rule, now)),
  );
  const over = rules.find((rule) => (counts.get(rule.key) ?? 0) > rule.limit);
  if (!over) return;
  const windowEnd = windowOf(over, now).windowStart.getTime() + windowMsOf(over);
  const retryAfterSeconds = Math.ceil((windowEnd - now.getTime()) / 1000);
  fail('AUTH.RATE_LIMITED', `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
}

/**
 * After a verified success, so that only failures fill a window: the first rule's count (the address's or the user's
 * failures) is forgotten, and this attempt is taken back from the others (a shared office address is not locked out by
 * its own good sign-ins). `now` is the one the attempt was consumed with.
 */
export async function forgiveSuccess(db: Db, rules: RateLimitRule[], now: Date): Promise<void> {
  const [first, ...rest] = rules;
  if (first) await clearRateLimit(db, first.key);
  for (const rule of rest) await unhitRateLimit(db, windowOf(rule, now));
}
