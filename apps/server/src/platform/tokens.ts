import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a cookie, link or bearer token (256 bits, base64url). */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Tokens are stored as their SHA-256: a database leak does not leak live sessions or links. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const randomHex = (bytes: number) => randomBytes(bytes).toString('hex');
export const randomBytesArray = (n: number) => new Uint8Array(randomBytes(n));
