import { createHmac, randomBytes } from 'node:crypto';
import { verifyPassword } from './passwords.ts';

export interface VerifiedPasswordCacheOptions {
  /** How long a verified pair is trusted without argon2; 0 turns the cache off. */
  ttlMs: number;
  /** The most pairs kept; the least recently used goes first. */
  maxEntries?: number;
  now?: () => number;
  /** The full check a miss runs (argon2id). */
  check?: (encoded: string, password: string) => Promise<boolean>;
}

/**
 * Remembers, for a while, that a password matched a stored argon2id hash, so a client that sends the same credentials
 * on every request (a phone syncing with HTTP Basic) costs argon2 once per `ttlMs` instead of every time — Dovecot's
 * `auth_cache` does the same for IMAP. The entry is keyed by the stored hash and the password together, so a changed
 * or reset password (a new hash, read from the database on every request) misses at once, on every replica; whether
 * the account may sign in at all is still asked of the database each time. Only successes are kept: a wrong password
 * always costs a full check. The key is an HMAC under a secret that never leaves this process, so the cache holds
 * nothing a password could be checked against elsewhere.
 */
export class VerifiedPasswordCache {
  readonly #secret = randomBytes(32);
  readonly #entries = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #check: (encoded: string, password: string) => Promise<boolean>;

  constructor(options: VerifiedPasswordCacheOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#now = options.now ?? (() => performance.now());
    this.#check = options.check ?? verifyPassword;
  }

  get size(): number {
    return this.#entries.size;
  }

  #keyOf(encoded: string, password: string): string {
    return createHmac('sha256', this.#secret).update(encoded).update('\0').update(password).digest('base64');
  }

  /** Whether this pair was verified within the last `ttlMs` (then counted as used now); never runs argon2. */
  remembers(encoded: string, password: string): boolean {
    if (this.#ttlMs <= 0) return false;
    const key = this.#keyOf(encoded, password);
    const expires = this.#entries.get(key);
    this.#entries.delete(key);
    if (expires === undefined || expires <= this.#now()) return false;
    this.#entries.set(key, expires); // most recently used last
    return true;
  }

  /** `verifyPassword`, answered from the cache when this pair was verified within the last `ttlMs`. */
  async verify(encoded: string, password: string): Promise<boolean> {
    if (this.remembers(encoded, password)) return true;
    if (this.#ttlMs <= 0) return this.#check(encoded, password);
    const key = this.#keyOf(encoded, password);
    const ok = await this.#check(encoded, password);
    if (ok) {
      this.#entries.set(key, this.#now() + this.#ttlMs);
      if (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    }
    return ok;
  }
}
