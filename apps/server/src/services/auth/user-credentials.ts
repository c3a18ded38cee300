import { normalizeAddress } from '@mailyard/core/addresses';
import { PORTAL_LIMITS } from '@mailyard/core/portal';
import { findSignInAccount } from '@mailyard/db/queries/portal-accounts';
import type { Deps } from '../../deps.ts';
import { MINUTE_MS } from '../../platform/clock.ts';
import type { RateLimitRule } from '../rate-limit.ts';
import { checkPassword } from './password-check.ts';

/**
 * One budget of guesses per address and per client address for every place a user signs in — the portal and
 * device sync alike — so trying passwords through each entry point does not multiply the guesses.
 */
function limits(address: string, ip: string): RateLimitRule[] {
  const { perAddress, perIp, windowMinutes } = PORTAL_LIMITS.signIn;
  const windowMs = windowMinutes * MINUTE_MS;
  return [
    { key: `user-signin:addr:${address}`, limit: perAddress, windowMs },
    { key: `user-signin:ip:${ip}`, limit: perIp, windowMs },
  ];
}

/**
 * A user's address (the primary or any alias) and password. Whether the account may use the entry point (enabled,
 * organization Active) is the caller's question, asked only after this, so only someone who knows the password
 * learns it.
 */
export function verifyUserCredentials(deps: Deps, credentials: { address: string; password: string }, client: { ip: string }) {
  const address = normalizeAddress(credentials.address);
  return checkPassword(deps, limits(address, client.ip), credentials.password, () => findSignInAccount(deps.db, address));
}
