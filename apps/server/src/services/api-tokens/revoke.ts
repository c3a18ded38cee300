import type { ApiTokenRef, ApiTokenSummary } from '@mailyard/core/api-tokens';
import { fail } from '@mailyard/core/errors';
import { inTransaction } from '@mailyard/db';
import { lockApiToken, revokeApiToken as markRevoked } from '@mailyard/db/queries/api-tokens';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireConsoleSession } from '../auth/console-session.ts';
import { toApiTokenSummary, TOKENS_NEED_CONSOLE } from './summary.ts';

/** Refuses the token from now on. Revoking a revoked token changes nothing and records nothing. */
export async function revokeApiToken(deps: Deps, actor: OperatorActor, input: ApiTokenRef): Promise<ApiTokenSummary> {
  requireConsoleSession(actor, TOKENS_NEED_CONSOLE);
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const row = await lockApiToken(tx, actor.accountId, input.tokenId);
    if (!row) fail('API_TOKEN.NOT_FOUND', `API token ${input.tokenId} was not found.`, { field: 'tokenId' });
    if (row.revokedAt) return toApiTokenSummary(row, now);

    await markRevoked(tx, row.id, now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'api_token.revoke',
        target: { type: 'api_token', id: row.id, label: row.name },
        before: { revokedAt: null },
        after: { revokedAt: now },
      },
      now,
    );
    return toApiTokenSummary({ ...row, revokedAt: now }, now);
  });
}
