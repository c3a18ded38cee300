import type { ApiTokenSummary, ListApiTokensInput } from '@mailyard/core/api-tokens';
import { fail } from '@mailyard/core/errors';
import { decodeCursor, encodeCursor, type Page } from '@mailyard/core/pagination';
import { listApiTokensPage } from '@mailyard/db/queries/api-tokens';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { requireConsoleSession } from '../auth/console-session.ts';
import { toApiTokenSummary, TOKENS_NEED_CONSOLE } from './summary.ts';

const scope = 'api-tokens';

/** Every token of the account, newest first, with its status and when it was last used. */
export async function listApiTokens(deps: Deps, actor: OperatorActor, input: ListApiTokensInput): Promise<Page<ApiTokenSummary>> {
  requireConsoleSession(actor, TOKENS_NEED_CONSOLE);
  let after: [string, string] | null = null;
  if (input.cursor) {
    const key = decodeCursor(scope, input.cursor);
    if (!key || typeof key[0] !== 'string' || typeof key[1] !== 'string') {
      fail('VALIDATION', 'The page cursor is invalid or belongs to another list.', { field: 'cursor' });
    }
    after = [key[0], key[1]];
  }
  const rows = await listApiTokensPage(deps.db, { accountId: actor.accountId, after, limit: input.limit + 1 });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => toApiTokenSummary(row, deps.clock())),
    nextCursor: rows.length > input.limit && last ? encodeCursor(scope, [last.createdAt.toISOString(), last.id]) : null,
  };
}
