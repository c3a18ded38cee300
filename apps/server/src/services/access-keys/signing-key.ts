import { findAccessKeyForSigning, touchAccessKey } from '@mailyard/db/queries/access-keys';
import type { Deps } from '../../deps.ts';
import { MINUTE_MS } from '../../platform/clock.ts';
import type { OperatorActor } from '../actor.ts';

export interface SigningKey {
  accessKeyId: string;
  secret: string;
  active: boolean;
  /** The key acts as its operator, over every organization of the account. */
  actor: OperatorActor;
  /** The account's twelve-digit id, for ARNs. */
  awsAccountId: string;
  lastUsedAt: Date | null;
}

/** What the SigV4 verifier needs to know about an access key, or null for an unknown key. */
export async function findSigningKey(deps: Deps, accessKeyId: string): Promise<SigningKey | null> {
  const key = await findAccessKeyForSigning(deps.db, accessKeyId);
  if (!key) return null;
  return {
    accessKeyId: key.accessKeyId,
    secret: deps.masterKey.open(key.secretCiphertext).toString('utf8'),
    active: key.status === 'Active',
    awsAccountId: key.awsAccountId,
    lastUsedAt: key.lastUsedAt,
    actor: {
      type: 'operator',
      operatorId: key.operatorId,
      accountId: key.accountId,
      label: key.operatorEmail,
      via: `access_key:${key.accessKeyId}`,
      readOnly: false,
      organizationIds: null,
    },
  };
}

/** "Last used", as the console shows it: written at most once a minute per key, so most requests write nothing. */
export async function recordAccessKeyUse(deps: Deps, key: Pick<SigningKey, 'accessKeyId' | 'lastUsedAt'>): Promise<void> {
  const now = deps.clock();
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < MINUTE_MS) return;
  await touchAccessKey(deps.db, key.accessKeyId, now, MINUTE_MS);
}
