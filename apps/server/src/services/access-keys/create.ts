import { randomBytes } from 'node:crypto';
import {
  accessKeyIdFrom,
  MAX_ACCESS_KEYS_PER_ACCOUNT,
  secretAccessKeyFrom,
  type CreateAccessKeyInput,
  type CreatedAccessKey,
} from '@mailyard/core/access-keys';
import { fail } from '@mailyard/core/errors';
import { inTransaction } from '@mailyard/db';
import { countAccessKeys, insertAccessKey } from '@mailyard/db/queries/access-keys';
import { lockAccount } from '@mailyard/db/queries/operators';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireConsoleSession } from '../auth/console-session.ts';
import { KEYS_NEED_CONSOLE } from './require.ts';

/** A new key acting as this operator, for the AWS SDK and CLI. */
export async function createAccessKey(deps: Deps, actor: OperatorActor, input: CreateAccessKeyInput): Promise<CreatedAccessKey> {
  requireConsoleSession(actor, KEYS_NEED_CONSOLE);
  const now = deps.clock();
  const accessKeyId = accessKeyIdFrom(new Uint8Array(randomBytes(10)));
  const secretAccessKey = secretAccessKeyFrom(new Uint8Array(randomBytes(30)));
  return inTransaction(deps.db, async (tx) => {
    await lockAccount(tx, actor.accountId); // serialises the count below
    if ((await countAccessKeys(tx, actor.accountId)) >= MAX_ACCESS_KEYS_PER_ACCOUNT) {
      fail('ACCESS_KEY.LIMIT_REACHED', `An account can have at most ${MAX_ACCESS_KEYS_PER_ACCOUNT} access keys. Delete one you no longer use.`, {
        limit: MAX_ACCESS_KEYS_PER_ACCOUNT,
      });
    }
    await insertAccessKey(tx, {
      accessKeyId,
      accountId: actor.accountId,
      operatorId: actor.operatorId,
      description: input.description,
      secretCiphertext: deps.masterKey.seal(secretAccessKey),
      createdAt: now,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'access_key.create',
        target: { type: 'access_key', id: accessKeyId, label: input.description || accessKeyId },
        after: { accessKeyId, description: input.description, status: 'Active' },
      },
      now,
    );
    // A console session's label is its operator's email (requireConsoleSession above).
    return { accessKeyId, description: input.description, status: 'Active', operatorEmail: actor.label, createdAt: now, lastUsedAt: null, secretAccessKey };
  });
}
