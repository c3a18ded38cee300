import { RESET_LINK_MINUTES } from '@mailyard/core/portal';
import type { Db } from '@mailyard/db';
import { insertResetToken, revokeResetTokens, type UserKey } from '@mailyard/db/queries/self-service';
import type { Config } from '../../config.ts';
import { addMs, MINUTE_MS } from '../../platform/clock.ts';
import { hashToken, randomToken } from '../../platform/tokens.ts';

/** Where people reach this installation: MAILYARD_PUBLIC_URL, or the address it listens on. */
export function publicBaseUrl(config: Config): string {
  return (config.MAILYARD_PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
}

/**
 * A new single-use reset link for the user, in the caller's transaction; older live links stop working. The
 * token travels in the URL fragment, which browsers do not send to servers or in Referer headers.
 */
export async function createResetLink(
  db: Db,
  config: Config,
  user: UserKey,
  issuedBy: 'self' | 'operator',
  now: Date,
  lifetimeMinutes = RESET_LINK_MINUTES,
): Promise<{ url: string; expiresAt: Date }> {
  await revokeResetTokens(db, user, now);
  const token = randomToken();
  const expiresAt = addMs(now, lifetimeMinutes * MINUTE_MS);
  await insertResetToken(db, { ...user, tokenHash: hashToken(token), issuedBy, createdAt: now, expiresAt });
  return { url: `${publicBaseUrl(config)}/portal/reset#token=${token}`, expiresAt };
}
