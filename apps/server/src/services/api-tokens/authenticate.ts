import { apiTokenRefusal, looksLikeApiToken } from '@mailyard/core/api-tokens';
import { fail, failIf } from '@mailyard/core/errors';
import { findApiTokenByHash, touchApiToken } from '@mailyard/db/queries/api-tokens';
import type { Deps } from '../../deps.ts';
import { addMs, MINUTE_MS } from '../../platform/clock.ts';
import { hashToken } from '../../platform/tokens.ts';
import type { OperatorActor } from '../actor.ts';

/**
 * The operator a bearer token acts as, narrowed to the token's scope. Refuses an unknown, expired or revoked
 * token with a clear error; records the use at most once a minute, so busy scripts do not write on every call.
 */
export async function authenticateApiToken(deps: Deps, token: string): Promise<OperatorActor> {
  const now = deps.clock();
  const row = looksLikeApiToken(token) ? await findApiTokenByHash(deps.db, hashToken(token)) : null;
  if (!row) fail('AUTH.REQUIRED', 'Invalid API token.');
  failIf(apiTokenRefusal(row, now));
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > MINUTE_MS) {
    await touchApiToken(deps.db, row.id, now, addMs(now, -MINUTE_MS));
  }
  return {
    type: 'operator',
    operatorId: row.operator.id,
    accountId: row.accountId,
    label: row.operator.email,
    via: `api_token:${row.id}`,
    readOnly: row.readOnly,
    organizationIds: row.organizationIds,
  };
}
