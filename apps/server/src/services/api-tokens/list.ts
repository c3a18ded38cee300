import { z } from 'zod';
import type { ApiTokenSummary, ListApiTokensInput } from '@mailyard/core/api-tokens';
import type { ListTotal, Page } from '@mailyard/core/pagination';
import { countApiTokens as countApiTokensQuery, listApiTokensPage } from '@mailyard/db/queries/api-tokens';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { requireConsoleSession } from '../auth/console-session.ts';
import { cursorKey, pageOf } from '../page.ts';
import { toApiTokenSummary, TOKENS_NEED_CONSOLE } from './summary.ts';

const scope = 'api-tokens';
const TokenKey = z.tuple([z.iso.datetime(), z.guid()]);

/** Every token of the account, newest first, with its status and when it was last used. */
export async function listApiTokens(deps: Deps, actor: OperatorActor, input: ListApiTokensInput): Promise<Page<ApiTokenSummary>> {
  requireConsoleSession(actor, TOKENS_NEED_CONSOLE);
  const after = cursorKey(scope, input.cursor, TokenKey);
  const rows = await listApiTokensPage(deps.db, { accountId: actor.accountId, after, limit: input.limit + 1 });
  const page = pageOf(rows, input.limit, scope, (row) => [row.createdAt.toISOString(), row.id]);
  const now = deps.clock();
  return { ...page, items: page.items.map((row) => toApiTokenSummary(row, now)) };
}

/** How many tokens the account has, revoked and expired ones included: the list's total. */
export async function countApiTokens(deps: Deps, actor: OperatorActor): Promise<ListTotal> {
  requireConsoleSession(actor, TOKENS_NEED_CONSOLE);
  return countApiTokensQuery(deps.db, actor.accountId);
}
