import { SIGN_IN_LIMITS, type SignInInput } from '@mailyard/core/auth';
import { inTransaction } from '@mailyard/db';
import { findOperatorCredentials, recordOperatorSignIn } from '@mailyard/db/queries/operators';
import { insertOperatorSession } from '@mailyard/db/queries/sessions';
import type { Deps } from '../../deps.ts';
import { addMs } from '../../platform/clock.ts';
import { hashToken, randomToken } from '../../platform/tokens.ts';
import { recordAudit } from '../audit.ts';
import { perAddressAndIp } from '../rate-limit.ts';
import { operatorSessionMs, sessionOperatorActor } from './operator-session.ts';
import { verifyCredentials } from './password-check.ts';

export interface SignInResult {
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  expiresAt: Date;
  operator: { id: string; email: string; displayName: string; accountId: string };
}

/** Checks the password, opens a server-side session. Unknown address and wrong password answer alike. */
export async function signInOperator(
  deps: Deps,
  input: SignInInput,
  client: { ip: string; userAgent: string | null },
): Promise<SignInResult> {
  const now = deps.clock();
  const rules = perAddressAndIp('operator-signin', SIGN_IN_LIMITS, input.email, client.ip);
  const operator = await verifyCredentials(deps, rules, input.password, () => findOperatorCredentials(deps.db, input.email));

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
      sessionOperatorActor(operator),
      { action: 'operator.sign_in', target: { type: 'operator', id: operator.id, label: operator.email }, after: { ip: client.ip } },
      now,
    );
  });
  return { sessionToken, expiresAt, operator };
}
