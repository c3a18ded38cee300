import { fail, failIf } from '@mailyard/core/errors';
import { PORTAL_LIMITS, portalAccessRefusal, type PortalSignInInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { findPasswordHash, findPortalAccountByAddress } from '@mailyard/db/queries/portal-accounts';
import { insertUserSession } from '@mailyard/db/queries/self-service';
import type { Deps } from '../../deps.ts';
import { addMs, MINUTE_MS } from '../../platform/clock.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/passwords.ts';
import { hashToken, randomToken } from '../../platform/tokens.ts';
import { recordAudit } from '../audit.ts';
import { assertUnderLimits, countAttempt, resetLimit, type RateLimitRule } from '../rate-limit.ts';
import { portalSessionMs, userActorFor, userTarget } from './session.ts';

export interface PortalSignInResult {
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  expiresAt: Date;
}

export const INVALID_CREDENTIALS_MESSAGE = 'The email address or password is incorrect.';

function limits(address: string, ip: string): RateLimitRule[] {
  const { perAddress, perIp, windowMinutes } = PORTAL_LIMITS.signIn;
  const windowMs = windowMinutes * MINUTE_MS;
  return [
    { key: `portal-signin:addr:${address.toLowerCase()}`, limit: perAddress, windowMs },
    { key: `portal-signin:ip:${ip}`, limit: perIp, windowMs },
  ];
}

/**
 * Signs a user in with their primary address or any alias. An unknown address and a wrong password answer
 * alike, and take as long; only someone who knows the password learns that the account is disabled.
 */
export async function signInUser(deps: Deps, input: PortalSignInInput, client: { ip: string }): Promise<PortalSignInResult> {
  const now = deps.clock();
  const rules = limits(input.email, client.ip);
  await assertUnderLimits(deps.db, rules, now);

  const account = await findPortalAccountByAddress(deps.db, input.email);
  const hash = account ? await findPasswordHash(deps.db, account) : null;
  const ok = hash ? await verifyPassword(hash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!account || !ok) {
    await countAttempt(deps.db, rules, now);
    fail('AUTH.INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
  }
  failIf(portalAccessRefusal(account));

  const sessionToken = randomToken();
  const expiresAt = addMs(now, portalSessionMs);
  const actor = userActorFor(account, 'portal');
  await inTransaction(deps.db, async (tx) => {
    await insertUserSession(tx, { idHash: hashToken(sessionToken), organizationId: account.organizationId, userId: account.userId, createdAt: now, expiresAt });
    await resetLimit(tx, rules[0]!.key);
    await recordAudit(tx, actor, { action: 'user.sign_in', target: userTarget(actor), after: { ip: client.ip, address: input.email.toLowerCase() } }, now);
  });
  return { sessionToken, expiresAt };
}
