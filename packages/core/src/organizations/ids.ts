import { text } from '../text/well-formed.ts';

/** `m-` + 32 lowercase hex digits, from 16 random bytes supplied by the caller. */
export function organizationIdFrom(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new RangeError('an organization id needs 16 random bytes');
  return `m-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export const ORGANIZATION_ID_PATTERN = /^m-[0-9a-f]{32}$/;

export const organizationId = text()
  .regex(ORGANIZATION_ID_PATTERN, 'Organization id must be "m-" followed by 32 lowercase hexadecimal digits.');

/** An idempotency token (WorkMail's ClientToken): a retried request with it returns the first request's result. */
export const clientToken = text()
  .min(1, 'Client token must not be empty.')
  .max(128, 'Client token must be at most 128 characters.')
  .regex(/^[\x21-\x7e]+$/, 'Client token must be printable ASCII.');

/** The limit of the seed's quota message when the account sets none of its own. */
export const DEFAULT_ORGANIZATION_LIMIT = 100;
export const ORGANIZATION_LIMIT_MESSAGE = 'You have reached the maximum number of organizations you can create';
