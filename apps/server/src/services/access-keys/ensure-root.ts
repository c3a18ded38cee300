import { inTransaction } from '@mailyard/db';
import { findAccessKeyForSigning, findRootKeyOwner, insertAccessKey, updateAccessKeySecret } from '@mailyard/db/queries/access-keys';
import type { Deps } from '../../deps.ts';
import { safeEqual } from '../../platform/tokens.ts';
import { systemActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

export type RootKeyOutcome = 'none' | 'created' | 'secret_updated' | 'unchanged' | 'inactive';

/**
 * MAILYARD_ROOT_ACCESS_KEY_ID / _SECRET_ACCESS_KEY make a key of the first account exist at every start, as MinIO's
 * root user: the environment decides the secret. A key an operator deactivated stays inactive (reported, not undone).
 */
export async function ensureRootAccessKey(deps: Deps): Promise<RootKeyOutcome> {
  const { MAILYARD_ROOT_ACCESS_KEY_ID: accessKeyId, MAILYARD_ROOT_SECRET_ACCESS_KEY: secret } = deps.config;
  if (!accessKeyId || !secret) return 'none';
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const owner = await findRootKeyOwner(tx);
    if (!owner) throw new Error('MAILYARD_ROOT_ACCESS_KEY_ID: there is no operator yet to own the root key.');
    const target = { type: 'access_key', id: accessKeyId, label: 'Root key (MAILYARD_ROOT_ACCESS_KEY_ID)' };
    const existing = await findAccessKeyForSigning(tx, accessKeyId);
    if (!existing) {
      await insertAccessKey(tx, {
        accessKeyId,
        accountId: owner.accountId,
        operatorId: owner.operatorId,
        description: target.label,
        secretCiphertext: deps.masterKey.seal(secret),
        createdAt: now,
      });
      await recordAudit(tx, systemActor, { action: 'access_key.create', accountId: owner.accountId, target, after: { accessKeyId, status: 'Active' } }, now);
      return 'created';
    }
    if (existing.accountId !== owner.accountId) {
      throw new Error(`MAILYARD_ROOT_ACCESS_KEY_ID: the key ${accessKeyId} already belongs to another account; choose another id.`);
    }
    if (!safeEqual(deps.masterKey.open(existing.secretCiphertext).toString('utf8'), secret)) {
      await updateAccessKeySecret(tx, accessKeyId, deps.masterKey.seal(secret));
      await recordAudit(tx, systemActor, { action: 'access_key.update_secret', accountId: owner.accountId, target }, now);
      return existing.status === 'Active' ? 'secret_updated' : 'inactive';
    }
    return existing.status === 'Active' ? 'unchanged' : 'inactive';
  });
}
