import type { AccessKeySummary } from '@mailyard/core/access-keys';
import type { Db } from '@mailyard/db';
import { listAccessKeys as listAccountKeys } from '@mailyard/db/queries/access-keys';
import type { OperatorActor } from '../actor.ts';
import { requireConsoleSession } from '../auth/console-session.ts';
import { KEYS_NEED_CONSOLE } from './require.ts';

/** The account's access keys with their last use; never a secret. */
export function listAccessKeys(db: Db, actor: OperatorActor): Promise<AccessKeySummary[]> {
  requireConsoleSession(actor, KEYS_NEED_CONSOLE);
  return listAccountKeys(db, actor.accountId);
}
