import { OPERATOR_SESSION_HOURS } from '@mailyard/core/auth';
import { inTransaction } from '@mailyard/db';
import type { OperatorIdentity } from '@mailyard/db/queries/operators';
import { deleteOperatorSession, extendOperatorSession, findOperatorSession } from '@mailyard/db/queries/sessions';
import type { Deps } from '../../deps.ts';
import { addMs, MINUTE_MS } from '../../platform/clock.ts';
import { hashToken } from '../../platform/tokens.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

export const operatorSessionMs = OPERATOR_SESSION_HOURS * 60 * MINUTE_MS;

/** An operator acting through a console session. */
export function sessionOperatorActor(operator: Pick<OperatorIdentity, 'id' | 'accountId' | 'email'>): OperatorActor {
  return { type: 'operator', operatorId: operator.id, accountId: operator.accountId, label: operator.email, via: 'session', readOnly: false, organizationIds: null };
}

/** The operator behind a session cookie, or null. Sliding expiry, written at most once a minute. */
export async function resolveOperatorSession(deps: Deps, token: string): Promise<OperatorActor | null> {
  const now = deps.clock();
  const idHash = hashToken(token);
  const session = await findOperatorSession(deps.db, idHash, now);
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > MINUTE_MS) {
    await extendOperatorSession(deps.db, idHash, now, addMs(now, operatorSessionMs));
  }
  return sessionOperatorActor(session.operator);
}

export async function signOutOperator(deps: Deps, actor: OperatorActor, token: string): Promise<void> {
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    await deleteOperatorSession(tx, hashToken(token));
    await recordAudit(tx, actor, { action: 'operator.sign_out', target: { type: 'operator', id: actor.operatorId, label: actor.label } }, now);
  });
}
