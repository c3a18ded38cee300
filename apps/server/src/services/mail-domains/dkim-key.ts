import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { dkimSelector, type DkimKeyState } from '@mailyard/core/mail-domains';
import type { Db } from '@mailyard/db';
import { insertDkimKey } from '@mailyard/db/queries/mail-domains';
import { findWrappedDataKey } from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import { organizationKey } from '../../platform/secrets.ts';
import { randomHex } from '../../platform/tokens.ts';

const generate = promisify(generateKeyPair);

export interface DkimKeyPair {
  /** base64 DER SubjectPublicKeyInfo, the record's `p=`. */
  publicKey: string;
  /** PKCS#8 PEM, what OpenDKIM and rspamd read. */
  privateKey: string;
}

/** A 2048-bit RSA pair (RFC 8301's recommendation). Made before the transaction: generation takes a while. */
export async function newDkimKeyPair(): Promise<DkimKeyPair> {
  const { publicKey, privateKey } = await generate('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKey: publicKey.toString('base64'), privateKey };
}

/** Stores the pair under a new selector, the private key sealed with the organization's data key. */
export async function storeDkimKey(deps: Deps, tx: Db, at: { organizationId: string; domain: string }, pair: DkimKeyPair, state: DkimKeyState): Promise<string> {
  const wrapped = await findWrappedDataKey(tx, at.organizationId);
  if (!wrapped) throw new Error(`Organization ${at.organizationId} has no data key.`);
  const now = deps.clock();
  const selector = dkimSelector(now, randomHex(2));
  await insertDkimKey(tx, {
    ...at,
    selector,
    state,
    publicKey: pair.publicKey,
    sealedPrivateKey: organizationKey(deps.masterKey, wrapped).seal(pair.privateKey),
    createdAt: now,
  });
  return selector;
}
