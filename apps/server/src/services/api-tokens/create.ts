import { randomUUID } from 'node:crypto';
import {
  apiTokenDisplayPrefix,
  apiTokenExpiry,
  apiTokenExpiryProblem,
  apiTokenFrom,
  type ApiTokenSummary,
  type CreateApiTokenInput,
  type CreatedApiToken,
} from '@mailyard/core/api-tokens';
import { fail, failIf } from '@mailyard/core/errors';
import { inTransaction } from '@mailyard/db';
import { accountOrganizationIds, insertApiToken } from '@mailyard/db/queries/api-tokens';
import type { Deps } from '../../deps.ts';
import { hashToken, randomToken } from '../../platform/tokens.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireConsoleSession } from '../auth/console-session.ts';
import { TOKENS_NEED_CONSOLE } from './summary.ts';

/** Issues a bearer token for scripts, scoped to the account's organizations (all, or the ones chosen). */
export async function createApiToken(deps: Deps, actor: OperatorActor, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  requireConsoleSession(actor, TOKENS_NEED_CONSOLE);
  const now = deps.clock();
  failIf(apiTokenExpiryProblem(input, now));
  const expiresAt = apiTokenExpiry(input, now);
  const token = apiTokenFrom(randomToken());
  const id = randomUUID();

  return inTransaction(deps.db, async (tx) => {
    if (input.organizationIds) {
      // Another account's organization is "not found", as everywhere: the scope must not probe for ids.
      const known = await accountOrganizationIds(tx, actor.accountId, input.organizationIds);
      const index = input.organizationIds.findIndex((orgId) => !known.has(orgId));
      if (index >= 0) {
        const missing = input.organizationIds[index]!;
        fail('ORGANIZATION.NOT_FOUND', `Organization ${missing} was not found.`, { field: `organizationIds.${index}` });
      }
    }
    const apiToken: ApiTokenSummary = {
      id,
      name: input.name,
      prefix: apiTokenDisplayPrefix(token),
      access: input.access,
      organizationIds: input.organizationIds,
      expiresAt,
      revokedAt: null,
      lastUsedAt: null,
      createdAt: now,
      createdBy: actor.label,
      status: 'active',
    };
    await insertApiToken(tx, {
      id,
      accountId: actor.accountId,
      operatorId: actor.operatorId,
      name: input.name,
      tokenHash: hashToken(token),
      prefix: apiToken.prefix,
      readOnly: input.access === 'read-only',
      organizationIds: input.organizationIds,
      expiresAt,
      createdAt: now,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'api_token.create',
        target: { type: 'api_token', id, label: input.name },
        after: { name: input.name, prefix: apiToken.prefix, access: input.access, organizationIds: input.organizationIds, expiresAt },
      },
      now,
    );
    return { token, apiToken };
  });
}
