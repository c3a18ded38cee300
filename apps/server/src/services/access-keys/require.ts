import type { AccessKeySummary } from '@mailyard/core/access-keys';
import { fail } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { findAccessKey } from '@mailyard/db/queries/access-keys';
import type { OperatorActor } from '../actor.ts';

/** A key of the operator's account; another account's key is "not found". */
export async function requireAccessKey(db: Db, actor: OperatorActor, accessKeyId: string): Promise<AccessKeySummary> {
  const key = await findAccessKey(db, actor.accountId, accessKeyId);
  if (!key) fail('ACCESS_KEY.NOT_FOUND', `Access key ${accessKeyId} was not found.`, { field: 'accessKeyId' });
  return key;
}

/** What a token (or key) hears when it tries to manage access keys: only a console session may. */
export const KEYS_NEED_CONSOLE = 'Access keys are managed in the console: sign in to create, list, deactivate or delete them.';
