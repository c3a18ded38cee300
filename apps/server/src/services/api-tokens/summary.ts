import { apiTokenStatus, type ApiTokenSummary } from '@mailyard/core/api-tokens';
import type { ApiTokenRow } from '@mailyard/db/queries/api-tokens';

export function toApiTokenSummary(row: ApiTokenRow, now: Date): ApiTokenSummary {
  const { readOnly, ...rest } = row;
  return { ...rest, access: readOnly ? 'read-only' : 'read-write', status: apiTokenStatus(row, now) };
}

/** What a token (or key) hears when it tries to manage API tokens: only a console session may. */
export const TOKENS_NEED_CONSOLE = 'API tokens are managed in the console: sign in to create, list or revoke them.';
