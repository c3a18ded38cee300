import type { Db } from '@mailyard/db';
import { listSigningKeys } from '@mailyard/db/queries/mail-domains';
import type { MasterKey } from '../../platform/secrets.ts';
import { organizationKey } from '../../platform/secrets.ts';

export interface SigningKey {
  domain: string;
  selector: string;
  /** PKCS#8 PEM. */
  privateKey: string;
}

const BATCH = 500;

/**
 * The key each signing domain signs with now (its active DKIM key), decrypted for the mail servers' signer: every
 * proven domain of an Active organization, in domain order. Read in batches so that no single query holds them all.
 */
export async function signingKeys(db: Db, masterKey: MasterKey): Promise<SigningKey[]> {
  const keys: SigningKey[] = [];
  const orgKeys = new Map<string, MasterKey>();
  for (let after: string | null = null; ; ) {
    const rows = await listSigningKeys(db, { after, limit: BATCH });
    for (const row of rows) {
      if (!row.wrappedDataKey) continue;
      let key = orgKeys.get(row.organizationId);
      if (!key) orgKeys.set(row.organizationId, (key = organizationKey(masterKey, row.wrappedDataKey)));
      keys.push({ domain: row.domain, selector: row.selector, privateKey: key.open(row.sealedPrivateKey).toString('utf8') });
    }
    if (rows.length < BATCH) return keys;
    after = rows[rows.length - 1]!.domain;
  }
}
