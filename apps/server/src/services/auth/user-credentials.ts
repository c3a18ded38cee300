import { normalizeAddress } from '@mailyard/core/addresses';
import { connectionFailureRefusal } from '@mailyard/core/directories';
import { failIf } from '@mailyard/core/errors';
import { PORTAL_LIMITS } from '@mailyard/core/portal';
import { findLdapConnection } from '@mailyard/db/queries/ldap-directories';
import { findSignInAccount, type SignInAccount } from '@mailyard/db/queries/portal-accounts';
import type { Deps } from '../../deps.ts';
import { LdapError, ldapPasswordMatches } from '../../platform/ldap.ts';
import { perAddressAndIp } from '../rate-limit.ts';
import type { VerifiedPasswordCache } from '../../platform/verified-passwords.ts';
import { verifyCredentials } from './password-check.ts';

/**
 * A directory user's password is checked by binding to the organization's directory as the user's DN: Mailyard stores
 * no password for it. A directory that does not answer is said so, not taken for a wrong password.
 */
async function directoryBind(deps: Deps, account: { directoryDn: string | null; directoryId: string | null }, password: string): Promise<boolean | null> {
  if (!account.directoryDn || !account.directoryId) return null;
  const directory = await findLdapConnection(deps.db, account.directoryId);
  if (!directory) return false;
  try {
    return await ldapPasswordMatches(directory, account.directoryDn, password);
  } catch (error) {
    if (error instanceof LdapError) failIf(connectionFailureRefusal(error.failure, { url: directory.url, bindDn: account.directoryDn }));
    throw error;
  }
}

/**
 * A user's address (the primary or any alias) and password. Whether the account may use the entry point (enabled,
 * organization Active) is the caller's question, asked only after this, so only someone who knows the password
 * learns it.
 */
export async function verifyUserCredentials(
  deps: Deps,
  credentials: { address: string; password: string },
  client: { ip: string },
  options: {
    /** Passwords verified moments ago (`verifyCredentials`). */
    verified?: VerifiedPasswordCache;
    /** The account the caller already read for `credentials.address` (`findSignInAccount`), not read again. */
    account?: SignInAccount | null;
  } = {},
) {
  const address = normalizeAddress(credentials.address);
  // One budget for every place a user signs in (the portal, device sync), so each entry point does not multiply the guesses.
  const rules = perAddressAndIp('user-signin', PORTAL_LIMITS.signIn, address, client.ip);
  const { account: known, verified } = options;
  const { directoryDn: _dn, directoryId: _directory, ...account } = await verifyCredentials(
    deps,
    rules,
    credentials.password,
    async () => (known === undefined ? findSignInAccount(deps.db, address) : known),
    { otherCheck: (found, password) => directoryBind(deps, found, password), verified },
  );
  return account;
}
