import { z } from 'zod';
import { organizationId } from '../organizations/ids.ts';
import { pageInput } from '../pagination/cursor.ts';
import { text } from '../text/well-formed.ts';

/** A token may name at most this many organizations; more is the "all organizations" scope. */
export const MAX_API_TOKEN_ORGANIZATIONS = 100;
/** Ten years: beyond that, choose "never expires" rather than a date nobody will remember. */
export const MAX_API_TOKEN_DAYS = 3650;

export const ApiTokenAccess = z.enum(['read-only', 'read-write']);
export type ApiTokenAccess = z.infer<typeof ApiTokenAccess>;

export const apiTokenId = z.guid('API token id must be a UUID.');

export const CreateApiTokenInput = z
  .object({
    name: text().trim().min(1, 'Name is required.').max(100, 'Name must be at most 100 characters.'),
    /** `read-only` tokens may call queries only; every mutation is refused. */
    access: ApiTokenAccess,
    /** The only organizations the token reaches; `null` (or omitted) = every organization of the account, also later ones. */
    organizationIds: z
      .array(organizationId)
      .min(1, 'Choose at least one organization, or leave the list out for all organizations.')
      .max(MAX_API_TOKEN_ORGANIZATIONS, `Choose at most ${MAX_API_TOKEN_ORGANIZATIONS} organizations.`)
      .refine((ids) => new Set(ids).size === ids.length, 'Each organization may be chosen only once.')
      .nullable()
      .default(null),
    /** Expires this many days from now. Give this or `expiresAt`; neither = never expires. */
    expiresInDays: z
      .number()
      .int('Days must be a whole number.')
      .min(1, 'A token must last at least 1 day.')
      .max(MAX_API_TOKEN_DAYS, `A token may last at most ${MAX_API_TOKEN_DAYS} days.`)
      .optional(),
    /** Expires at this moment, which must be in the future. */
    expiresAt: z.date('Expiry must be a date.').optional(),
  })
  .refine((input) => input.expiresAt === undefined || input.expiresInDays === undefined, {
    path: ['expiresAt'],
    message: 'Give either an expiry date or a number of days, not both.',
  });
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;

export const ApiTokenRef = z.object({ tokenId: apiTokenId });
export type ApiTokenRef = z.infer<typeof ApiTokenRef>;

export const ListApiTokensInput = z.object({ ...pageInput });
export type ListApiTokensInput = z.infer<typeof ListApiTokensInput>;

export type ApiTokenStatus = 'active' | 'expired' | 'revoked';

/** What lists and the console show of a token: never the token itself, only its first characters. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  /** The first 12 characters (`myd_` + 8), to tell tokens apart. */
  prefix: string;
  access: ApiTokenAccess;
  organizationIds: string[] | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  /** The email address of the operator who created it. */
  createdBy: string;
  status: ApiTokenStatus;
}

/** What creating a token answers: the secret, this once (only its SHA-256 is stored), and the token as listed. */
export interface CreatedApiToken {
  token: string;
  apiToken: ApiTokenSummary;
}
