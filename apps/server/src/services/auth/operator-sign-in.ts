import { OPERATOR_SESSION_HOURS, SIGN_IN_LIMITS, type SignInInput } from '@mailyard/core/auth';
import { inTransaction } from '@mailyard/db';
import { findOperatorCredentials, recordOperatorSignIn } from '@mailyard/db/queries/operators';
import { insertOperatorSession } from '@mailyard/db/queries/sessions';
import type { Deps } from '../../deps.ts';
import { addMs, MINUTE_MS } from '../../platform/clock.ts';
import { hashToken, randomToken } from '../../platform/tokens.ts';
import { recordAudit } from '../audit.ts';
import type { RateLimitRule } from '../rate-limit.ts';
import { checkPassword } from './password-check.ts';

export interface SignInResult {
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  expiresAt: Date;
  operator: { id: string; email: string; displayName: string; accountId: string };
}

export const operatorSessionMs = OPERATOR_SESSION_HOURS * 60 * MINUTE_MS;

function limits(email: string, ip: string): RateLimitRule[] {
  const windowMs = SIGN_IN_LIMITS.windowMinutes * MINUTE_MS;
  return [
    { key: `operator-signin:addr:${email.toLowerCase()}`, limit: SIGN_IN_LIMITS.perAddress, windowMs },
    { key: `operator-signin:ip:${ip}`, limit: SIGN_IN_LIMITS.perIp, windowMs },
  ];
}

/** Checks the password, opens a server-side session. Unknown address and wrong password answer alike. */
export async function signInOperator(
  deps: Deps,
  input: SignInInput,
  client: { ip: string; userAgent: string | null },
): Promise<SignInResult> {
  const now = deps.clock();
  const operator = await checkPassword(deps, limits(input.email, client.ip), input.password, () => findOperatorCredentials(deps.db, input.email));

  const sessionToken = randomToken();
  const expiresAt = addMs(now, operatorSessionMs);
  await inTransaction(deps.db, async (tx) => {
    await insertOperatorSession(tx, {
      idHash: hashToken(sessionToken),
      operatorId: operator.id,
      createdAt: now,
      expiresAt,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    await recordOperatorSignIn(tx, operator.id, now);
    await recordAudit(
      tx,
      { type: 'operator', operatorId: operator.id, accountId: operator.accountId, label: operator.email, via: 'session', readOnly: false, organizationIds: null },
      { action: 'operator.sign_in', target: { type: 'operator', id: operator.id, label: operator.email }, after: { ip: client.ip } },
      now,
    );
  });
  return { sessionToken, expiresAt, operator };
}
