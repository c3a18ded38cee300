import { normalizeAddress } from '@mailyard/core/addresses';
import { PORTAL_LIMITS } from '@mailyard/core/portal';
import { findSignInAccount } from '@mailyard/db/queries/portal-accounts';
import type { Deps } from '../../deps.ts';
import { perAddressAndIp } from '../rate-limit.ts';
import { verifyCredentials } from './password-check.ts';

/**
 * A user's address (the primary or any alias) and password. Whether the account may use the entry point (enabled,
 * organization Active) is the caller's question, asked only after this, so only someone who knows the password
 * learns it.
 */
export function verifyUserCredentials(deps: Deps, credentials: { address: string; password: string }, client: { ip: string }) {
  const address = normalizeAddress(credentials.address);
  // One budget for every place a user signs in (the portal, device sync), so each entry point does not multiply the guesses.
  const rules = perAddressAndIp('user-signin', PORTAL_LIMITS.signIn, address, client.ip);
  return verifyCredentials(deps, rules, credentials.password, () => findSignInAccount(deps.db, address));
}
