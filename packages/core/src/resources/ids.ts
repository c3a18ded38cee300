import { text } from '../text/well-formed.ts';

/**
 * A resource's id as WorkMail writes it: `r-` then 32 lower-case hex digits. The database keeps the same 128 bits as a
 * UUID (addresses and delegates hold entity ids as UUIDs), so the two forms convert both ways without a look-up.
 */
export const RESOURCE_ID_PATTERN = /^r-[0-9a-f]{32}$/;

export const resourceId = text()
  .trim()
  .transform((id) => id.toLowerCase())
  .refine((id) => RESOURCE_ID_PATTERN.test(id), 'Resource id must be r- followed by 32 hexadecimal digits.');

/** The API's form of a resource's UUID. */
export const resourceIdOf = (uuid: string): string => `r-${uuid.replace(/-/g, '').toLowerCase()}`;

/** The UUID a resource id (already checked by `resourceId`) stands for. */
export function uuidOfResourceId(id: string): string {
  const h = id.slice(2).toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
