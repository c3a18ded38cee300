import { randomBytes } from 'node:crypto';
import { connect } from '../packages/db/src/index.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import type { Deps } from '../apps/server/src/deps.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { masterKeyFrom } from '../apps/server/src/platform/secrets.ts';

/**
 * Dependencies as `main.ts` composes them (no embedded database, errors logged only), with a throw-away master key or
 * `key` (the one a server under measurement was given, to read what it sealed).
 */
export function benchDeps(url: string, key: Buffer = randomBytes(32)): { deps: Deps; close: () => Promise<void> } {
  const config = loadConfig({ DATABASE_URL: url, MAILYARD_LOG_LEVEL: 'silent', MAILYARD_SECRET_KEY: key.toString('hex') });
  const client = connect(url);
  const log = { info() {}, warn() {}, error: (msg: string, data?: object) => console.error(msg, data ?? '') };
  return { deps: { db: client.db, config, clock: systemClock, masterKey: masterKeyFrom(key), log }, close: client.close };
}
