import { refusal, type Refusal } from '../errors/refusal.ts';
import type { ApiTokenStatus } from './schemas.ts';

/** Every API token starts with this, so secret scanners and people recognise one. */
export const API_TOKEN_PREFIX = 'myd_';
/** How much of a token lists show: the fixed prefix and 8 random characters. */
export const API_TOKEN_DISPLAY_LENGTH = 12;

export const apiTokenFrom = (secret: string) => `${API_TOKEN_PREFIX}${secret}`;
export const apiTokenDisplayPrefix = (token: string) => token.slice(0, API_TOKEN_DISPLAY_LENGTH);
/** Cheap shape check before any look-up; 512 bounds what a header may make us hash. */
export const looksLikeApiToken = (token: string) => token.startsWith(API_TOKEN_PREFIX) && token.length > API_TOKEN_DISPLAY_LENGTH && token.length <= 512;

interface TokenLifetime {
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** Revoked wins over expired: it is the operator's deliberate act. */
export function apiTokenStatus(token: TokenLifetime, now: Date): ApiTokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** `2026-11-26 09:00 UTC`: the same words on every server, whatever its time zone. */
const utcMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Why a presented token may not be used, or `null` when it may. */
export function apiTokenRefusal(token: TokenLifetime, now: Date): Refusal | null {
  switch (apiTokenStatus(token, now)) {
    case 'revoked':
      return refusal('AUTH.TOKEN_REVOKED', `This API token was revoked on ${utcMinute(token.revokedAt!)}.`, { revokedAt: token.revokedAt });
    case 'expired':
      return refusal('AUTH.TOKEN_EXPIRED', `This API token expired on ${utcMinute(token.expiresAt!)}.`, { expiredAt: token.expiresAt });
    case 'active':
      return null;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a new token expires (`null` = never), from the create form's date or number of days. */
export function apiTokenExpiry(input: { expiresAt?: Date | undefined; expiresInDays?: number | undefined }, now: Date): Date | null {
  if (input.expiresAt) return input.expiresAt;
  if (input.expiresInDays !== undefined) return new Date(now.getTime() + input.expiresInDays * DAY_MS);
  return null;
}

/** An expiry date must lie in the future: a token born expired is a mistake, not a choice. */
export function apiTokenExpiryProblem(input: { expiresAt?: Date | undefined }, now: Date): Refusal | null {
  return input.expiresAt && input.expiresAt.getTime() <= now.getTime()
    ? refusal('VALIDATION', 'The expiry date must be in the future.', { field: 'expiresAt' })
    : null;
}
