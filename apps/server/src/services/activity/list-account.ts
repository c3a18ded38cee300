import type { AccountActivityEvent, CountAccountActivityInput, ListAccountActivityInput } from '@mailyard/core/activity';
import { fail } from '@mailyard/core/errors';
import type { ListTotal, Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { countAuditEvents } from '@mailyard/db/queries/audit';
import type { OperatorActor } from '../actor.ts';
import { auditPage } from './page.ts';

/** The account's whole trail under the filters; refused to a token limited to some organizations, which must not read the others' events through it. */
function accountFilterOf(actor: OperatorActor, input: CountAccountActivityInput) {
  if (actor.organizationIds) {
    fail('AUTH.SESSION_REQUIRED', "The account's activity spans every organization: use the console or an API token for all organizations.");
  }
  return { accountId: actor.accountId, actorLabel: input.actor ?? null, actionPrefix: input.action ?? null };
}

/**
 * The account's whole audit trail, newest first, narrowed by who acted and by action (prefixes): its organizations'
 * events and the account's own (access keys, API tokens, sign-ins). Only this account's events are read.
 */
export async function listAccountActivity(db: Db, actor: OperatorActor, input: ListAccountActivityInput): Promise<Page<AccountActivityEvent>> {
  const filter = accountFilterOf(actor, input);
  const scope = `account-activity:${JSON.stringify([actor.accountId, input.actor ?? null, input.action ?? null])}`;
  return auditPage(db, scope, filter, input);
}

/** How many events the account's trail holds under the same filters: exact when cheap to count, else an estimate so labelled. */
export async function countAccountActivity(db: Db, actor: OperatorActor, input: CountAccountActivityInput): Promise<ListTotal> {
  return countAuditEvents(db, accountFilterOf(actor, input));
}
