import { accessDeniedRefusal, MAIL_SIGN_IN_SERVICES, type MailSignInInput } from '@mailyard/core/access-control';
import { normalizeAddress } from '@mailyard/core/addresses';
import { fail, failIf } from '@mailyard/core/errors';
import { ACCOUNT_UNAVAILABLE_MESSAGE, mailSignInRefusal } from '@mailyard/core/portal';
import { findSignInAccount } from '@mailyard/db/queries/portal-accounts';
import type { Deps } from '../../deps.ts';
import { accessEffectFor } from '../access-control/effect.ts';
import { INVALID_CREDENTIALS_MESSAGE } from './password-check.ts';
import { verifyUserCredentials } from './user-credentials.ts';

/**
 * A sign-in Dovecot asks about (IMAP, and SMTP submissions through its auth service) for a directory user, whose
 * password only the directory knows: the same checks as the portal's sign-in — the shared guess budget, an LDAP bind,
 * the account's state, the organization's access rules for the service and the client's address. Answers the mailbox
 * (the primary address) the login opens.
 *
 * Dovecot asks only about logins without a password of their own (deploy/dovecot/dovecot-sql-directory.conf.ext);
 * one that is not a directory user's (a system user such as postmaster) is refused at once, spending no budget.
 */
export async function verifyMailSignIn(deps: Deps, input: MailSignInInput): Promise<{ user: string }> {
  const address = normalizeAddress(input.login);
  const candidate = await findSignInAccount(deps.db, address);
  if (!candidate?.directoryDn) fail('AUTH.INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
  const ip = input.remoteIp ?? null;
  // Dovecot passes the client's address for IMAP and for Postfix's submissions; without one, the guesses of every such
  // sign-in share the per-client budget of an unknown address.
  const account = await verifyUserCredentials(deps, { address, password: input.password }, { ip: ip ?? 'unknown' }, { account: candidate });
  failIf(mailSignInRefusal(account));
  const action = MAIL_SIGN_IN_SERVICES[input.service];
  failIf(accessDeniedRefusal(await accessEffectFor(deps.db, account.organizationId, { userId: account.userId, action, ip })));
  // Enabled users have a primary address; the check keeps that promise visible to the type.
  return { user: account.primaryEmail ?? fail('AUTH.ACCOUNT_UNAVAILABLE', ACCOUNT_UNAVAILABLE_MESSAGE) };
}
