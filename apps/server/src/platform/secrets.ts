import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The installation's master key (MAILYARD_SECRET_KEY). It encrypts secrets at rest (access-key secrets,
 * directory bind passwords) and wraps each organization's data key — the "managed key" of Quick setup.
 * AES-256-GCM; the stored form is `v1.<iv>.<tag>.<ciphertext>` in base64url.
 */
export interface MasterKey {
  seal(plaintext: Buffer | string): string;
  open(sealed: string): Buffer;
  /** A short fingerprint shown in the console so operators can tell which key is in use. */
  readonly fingerprint: string;
}

export function masterKeyFrom(raw: Buffer): MasterKey {
  if (raw.length !== 32) throw new Error('the master key must be 32 bytes');
  return {
    fingerprint: createHash('sha256').update(raw).digest('hex').slice(0, 12),
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', raw, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed) {
      const [version, iv, tag, ciphertext] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', raw, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    },
  };
}

export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  return /^[0-9a-f]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
}

/** The embedded default keeps a generated key in the data dir, created on first start. */
export async function loadOrCreateKeyFile(dataDir: string): Promise<Buffer> {
  const file = path.resolve(dataDir, 'secret.key');
  if (existsSync(file)) return parseMasterKey(await readFile(file, 'utf8'));
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32);
  await writeFile(file, key.toString('hex') + '\n', { mode: 0o600 });
  return key;
}

/** The organization's own data key (unwrapped by the master key), which seals the organization's secrets (DKIM keys). */
export const organizationKey = (masterKey: MasterKey, wrappedDataKey: string): MasterKey => masterKeyFrom(masterKey.open(wrappedDataKey));
