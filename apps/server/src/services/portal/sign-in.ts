import { accessDeniedRefusal } from '@mailyard/core/access-control';
import { failIf } from '@mailyard/core/errors';
import { portalAccessRefusal, type PortalSignInInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { insertUserSession } from '@mailyard/db/queries/self-service';
import type { Deps } from '../../deps.ts';
import { addMs } from '../../platform/clock.ts';
import { hashToken, randomToken } from '../../platform/tokens.ts';
import { recordAudit } from '../audit.ts';
import { accessEffectFor } from '../access-control/effect.ts';
import { verifyUserCredentials } from '../auth/user-credentials.ts';
import { portalSessionMs, userActorFor, userTarget } from './session.ts';

export interface PortalSignInResult {
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  expiresAt: Date;
}

/**
 * Signs a user in with their primary address or any alias (the checks and guess budget device sync shares); only
 * someone who knows the password learns that the account is disabled, or that the organization's access control rules
 * deny the portal (action WebMail) from the client's address — `client.ip` is the request's, which honours
 * `X-Forwarded-For` only behind a trusted proxy (`MAILYARD_TRUST_PROXY`).
 */
export async function signInUser(deps: Deps, input: PortalSignInInput, client: { ip: string }): Promise<PortalSignInResult> {
  const now = deps.clock();
  const account = await verifyUserCredentials(deps, { address: input.email, password: input.password }, client);
  failIf(portalAccessRefusal(account));
  failIf(accessDeniedRefusal(await accessEffectFor(deps.db, account.organizationId, { userId: account.userId, action: 'WebMail', ip: client.ip })));

  const sessionToken = randomToken();
  const expiresAt = addMs(now, portalSessionMs);
  const actor = userActorFor(account, 'portal');
  await inTransaction(deps.db, async (tx) => {
    await insertUserSession(tx, { idHash: hashToken(sessionToken), organizationId: account.organizationId, userId: account.userId, createdAt: now, expiresAt });
    await recordAudit(tx, actor, { action: 'user.sign_in', target: userTarget(actor), after: { ip: client.ip, address: input.email.toLowerCase() } }, now);
  });
  return { sessionToken, expiresAt };
}
