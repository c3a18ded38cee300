import { z } from 'zod';
import { text } from '../text/well-formed.ts';

/**
 * Access keys of the WorkMail-compatible API, shaped as AWS's: an id of `AKIA` + 16 characters of the base32
 * alphabet, and a 40-character secret. The secret is shown once, when the key is created.
 */
export const ACCESS_KEY_ID_PATTERN = /^[A-Z0-9]{16,128}$/;
export const ACCESS_KEY_DESCRIPTION_MAX_LENGTH = 256;
/** Keys are credentials of people and scripts, not data: a small number per account is plenty. */
export const MAX_ACCESS_KEYS_PER_ACCOUNT = 20;

export const accessKeyStatuses = ['Active', 'Inactive'] as const;
export type AccessKeyStatus = (typeof accessKeyStatuses)[number];

export const accessKeyId = text().trim().regex(ACCESS_KEY_ID_PATTERN, 'Access key id must be 16–128 upper-case letters and digits.');

export const CreateAccessKeyInput = z.object({
  description: text()
    .trim()
    .max(ACCESS_KEY_DESCRIPTION_MAX_LENGTH, `Description must be at most ${ACCESS_KEY_DESCRIPTION_MAX_LENGTH} characters.`)
    .default(''),
});
export type CreateAccessKeyInput = z.infer<typeof CreateAccessKeyInput>;

export const AccessKeyRef = z.object({ accessKeyId });
export type AccessKeyRef = z.infer<typeof AccessKeyRef>;

/** Deactivating keeps the key (and its audit trail) but refuses every request signed with it; activating undoes that. */
export const SetAccessKeyStatusInput = z.object({ accessKeyId, status: z.enum(accessKeyStatuses) });
export type SetAccessKeyStatusInput = z.infer<typeof SetAccessKeyStatusInput>;

/** The read model of a key: never its secret. */
export interface AccessKeySummary {
  accessKeyId: string;
  description: string;
  status: AccessKeyStatus;
  /** The operator the key acts as. */
  operatorEmail: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** What creating a key answers: the key and its secret, shown once (only its sealed form is kept: SigV4 needs the secret itself to verify, so it cannot be hashed). */
export interface CreatedAccessKey extends AccessKeySummary {
  secretAccessKey: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `AKIA` + 16 base32 characters from 10 random bytes supplied by the caller (80 bits). */
export function accessKeyIdFrom(bytes: Uint8Array): string {
  if (bytes.length !== 10) throw new RangeError('an access key id needs 10 random bytes');
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let id = 'AKIA';
  for (let i = 0; i < 80; i += 5) id += BASE32[parseInt(bits.slice(i, i + 5), 2)];
  return id;
}

/** A 40-character secret (base64 of 30 random bytes supplied by the caller), the form of an AWS secret access key. */
export function secretAccessKeyFrom(bytes: Uint8Array): string {
  if (bytes.length !== 30) throw new RangeError('a secret access key needs 30 random bytes');
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
