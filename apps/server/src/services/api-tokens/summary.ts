import { apiTokenStatus, type ApiTokenSummary } from '@mailyard/core/api-tokens';
import type { ApiTokenRow } from '@mailyard/db/queries/api-tokens';

export function toApiTokenSummary(row: ApiTokenRow, now: Date): ApiTokenSummary {
  const { readOnly, ...rest } = row;
  return { ...rest, access: readOnly ? 'read-only' : 'read-write', status: apiTokenStatus(row, now) };
}
