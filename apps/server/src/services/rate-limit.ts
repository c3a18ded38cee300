import { fail } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { forgiveRateLimits, hitRateLimits, readRateLimits } from '@mailyard/db/queries/rate-limits';
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

/** Refuses with AUTH.RATE_LIMITED when a window's count, this attempt included, is over its rule's limit. */
function refuseOverLimit(rules: RateLimitRule[], counts: Map<string, number>, now: Date): void {
  const over = rules.find((rule) => (counts.get(rule.key) ?? 0) > rule.limit);
  if (!over) return;
  const windowEnd = windowOf(over, now).windowStart.getTime() + windowMsOf(over);
  const retryAfterSeconds = Math.ceil((windowEnd - now.getTime()) / 1000);
  fail('AUTH.RATE_LIMITED', `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
}

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
  refuseOverLimit(rules, counts, now);
}

/**
 * The budget for an attempt that cannot be a guess — a password verified moments ago, sent again by the same phone
 * (`VerifiedPasswordCache.remembers`) — read without spending from it: refused as `consumeAttempt` would refuse it, so
 * past the limit even the right password is turned away, but a success writes nothing (counting the attempt and
 * forgiving it were two writes on every sync, the second on a row every phone behind one address shares). Says
 * whether the first rule holds failures for `forgiveFailures`.
 */
export async function readBudget(db: Db, rules: RateLimitRule[], now: Date): Promise<{ failures: boolean }> {
  const counts = await readRateLimits(
    db,
    rules.map((rule) => windowOf(rule, now)),
  );
  refuseOverLimit(rules, new Map(rules.map((rule) => [rule.key, (counts.get(rule.key) ?? 0) + 1])), now);
  return { failures: (counts.get(rules[0]?.key ?? '') ?? 0) > 0 };
}

/** After a success that was not counted (`readBudget`): the first rule's failures are forgotten. */
export async function forgiveFailures(db: Db, rules: RateLimitRule[]): Promise<void> {
  await forgiveRateLimits(db, { cleared: rules[0]?.key ?? null, unhit: [] });
}

/**
 * After a verified success, so that only failures fill a window: the first rule's count (the address's or the user's
 * failures) is forgotten, and this attempt is taken back from the others (a shared office address is not locked out by
 * its own good sign-ins). `now` is the one the attempt was consumed with.
 */
export async function forgiveSuccess(db: Db, rules: RateLimitRule[], now: Date): Promise<void> {
  const [first, ...rest] = rules;
  await forgiveRateLimits(db, { cleared: first?.key ?? null, unhit: rest.map((rule) => windowOf(rule, now)) });
}
