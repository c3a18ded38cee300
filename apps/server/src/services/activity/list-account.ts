import type { AccountActivityEvent, ListAccountActivityInput } from '@mailyard/core/activity';
import { fail } from '@mailyard/core/errors';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import type { OperatorActor } from '../actor.ts';
import { auditPage } from './page.ts';

/**
 * The account's whole audit trail, newest first, narrowed by who acted and by action (prefixes): its organizations'
 * events and the account's own (access keys, API tokens, sign-ins). Only this account's events are read.
 */
export async function listAccountActivity(db: Db, actor: OperatorActor, input: ListAccountActivityInput): Promise<Page<AccountActivityEvent>> {
  // A token limited to some organizations must not read the others' events through the account-wide trail.
  if (actor.organizationIds) {
    fail('AUTH.SESSION_REQUIRED', "The account's activity spans every organization: use the console or an API token for all organizations.");
  }
  const scope = `account-activity:${JSON.stringify([actor.accountId, input.actor ?? null, input.action ?? null])}`;
  return auditPage(db, scope, { accountId: actor.accountId, actorLabel: input.actor ?? null, actionPrefix: input.action ?? null }, input);
}
