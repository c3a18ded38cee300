import type { AccessKeySummary } from '@mailyard/core/access-keys';
import type { Db } from '@mailyard/db';
import { listAccessKeys as listAccountKeys } from '@mailyard/db/queries/access-keys';
import type { OperatorActor } from '../actor.ts';
import { requireKeyManagementSession } from './require.ts';

/** The account's access keys with their last use; never a secret. */
export function listAccessKeys(db: Db, actor: OperatorActor): Promise<AccessKeySummary[]> {
  requireKeyManagementSession(actor);
  return listAccountKeys(db, actor.accountId);
}
