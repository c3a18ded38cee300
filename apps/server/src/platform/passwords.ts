import { hash, verify } from '@node-rs/argon2';
import { timed } from './server-timing.ts';

/**
 * argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane). The encoded `$argon2id$v=19$m=…,t=…,p=…` form
 * is what Dovecot verifies with the `{ARGON2ID}` scheme, so mail servers read the same hash.
 */
// `Algorithm.Argon2id` is an ambient const enum, which isolated modules cannot read: its value is 2.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => timed('argon2', () => hash(password, options));

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await timed('argon2', () => verify(encoded, password));
  } catch {
    return false;
  }
}

/** Verified against when no account matches, so an unknown address takes as long as a wrong password. */
let dummy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('mailyard-dummy-password');
  await verifyPassword(await dummy, password);
}
