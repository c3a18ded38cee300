import { z } from 'zod';
import { refusal, type Refusal } from '../errors/refusal.ts';
import { organizationId } from '../organizations/ids.ts';
import { entityId } from '../entities/ids.ts';
import { emailAddressSchema, localPartProblems, localPartSchema, mailDomainSchema } from './address.ts';
import { text } from '../text/well-formed.ts';

/** WorkMail's hard quota: 100 aliases per user (or group). */
export const MAX_ALIASES_PER_ENTITY = 100;

/** The operator path: refused once the entity already has the maximum. `field` names the input the alias came from. */
export function aliasLimitProblem(currentAliasCount: number, field?: string): Refusal | null {
  return currentAliasCount >= MAX_ALIASES_PER_ENTITY
    ? refusal('ADDRESS.LIMIT_REACHED', `An entity can have at most ${MAX_ALIASES_PER_ENTITY} aliases.`, {
        field,
        limit: MAX_ALIASES_PER_ENTITY,
      })
    : null;
}

export const ALIAS_PATTERN_MAX_LENGTH = 200;

/** Compiles an operator's pattern so it must match the whole local part (an unanchored `sales` would match `nosales1`). */
export const compileLocalPartPattern = (pattern: string) => new RegExp(`^(?:${pattern})$`);

function isValidPattern(pattern: string): boolean {
  try {
    compileLocalPartPattern(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Whether (and how) users may add aliases to themselves in the self-service portal. Off by default. */
export const AliasPolicy = z.object({
  allowed: z.boolean().default(false),
  /** Empty = every domain of the organization. */
  domains: z.array(mailDomainSchema).max(1000).default([]),
  maxPerUser: z
    .number()
    .int('The alias limit must be a whole number.')
    .min(0, 'The alias limit must be at least 0.')
    .max(MAX_ALIASES_PER_ENTITY, `The alias limit must be at most ${MAX_ALIASES_PER_ENTITY}.`)
    .default(5),
  /** A JavaScript regular expression the whole (lower-case) local part must match; `null` = any valid local part. */
  localPartPattern: text()
    .max(ALIAS_PATTERN_MAX_LENGTH, `The pattern must be at most ${ALIAS_PATTERN_MAX_LENGTH} characters.`)
    .refine(isValidPattern, 'The pattern is not a valid regular expression.')
    .nullable()
    .default(null),
});
export type AliasPolicy = z.infer<typeof AliasPolicy>;

export const defaultAliasPolicy: AliasPolicy = AliasPolicy.parse({});

export interface SelfServiceAliasRequest {
  localPart: string;
  domain: string;
  currentAliasCount: number;
  organizationDomains: readonly string[];
}

/** Why a user may not add this alias to themselves, or `null` when they may. Uniqueness is the caller's check. */
export function checkSelfServiceAlias(policy: AliasPolicy, request: SelfServiceAliasRequest): Refusal | null {
  if (!policy.allowed) {
    return refusal('ADDRESS.SELF_SERVICE_DISABLED', 'Your organization does not let users add their own aliases.');
  }
  const domain = request.domain.trim().toLowerCase();
  const orgDomains = request.organizationDomains.map((d) => d.toLowerCase());
  // A policy domain the organization has since removed is not usable.
  const allowedDomains =
    policy.domains.length === 0 ? orgDomains : orgDomains.filter((d) => policy.domains.some((p) => p.toLowerCase() === d));
  if (!allowedDomains.includes(domain)) {
    return refusal(
      'ADDRESS.DOMAIN_NOT_ALLOWED',
      allowedDomains.length === 0
        ? 'No domain is available for your own aliases.'
        : `Aliases may use only these domains: ${allowedDomains.join(', ')}.`,
      { field: 'domain', allowedDomains },
    );
  }
  const limit = Math.min(policy.maxPerUser, MAX_ALIASES_PER_ENTITY);
  if (request.currentAliasCount >= limit) {
    return refusal('ADDRESS.LIMIT_REACHED', `You can have at most ${limit} ${limit === 1 ? 'alias' : 'aliases'}.`, { limit });
  }
  const localPart = request.localPart.trim().toLowerCase();
  const problems = localPartProblems(localPart);
  if (problems.length > 0) return refusal('ADDRESS.INVALID', problems.join(' '), { field: 'localPart' });
  if (policy.localPartPattern !== null && !compileLocalPartPattern(policy.localPartPattern).test(localPart)) {
    return refusal(
      'ADDRESS.PATTERN_MISMATCH',
      `The part before the @ must match the pattern set by your organization: ${policy.localPartPattern}`,
      { field: 'localPart', pattern: policy.localPartPattern },
    );
  }
  return null;
}

/** "Add alias": a local part and a domain chosen from the organization's domains. Works for users and groups. */
export const AddAliasInput = z.object({
  organizationId,
  entityId,
  localPart: localPartSchema,
  domain: mailDomainSchema,
});
export type AddAliasInput = z.infer<typeof AddAliasInput>;

export const RemoveAliasInput = z.object({ organizationId, entityId, address: emailAddressSchema });
export type RemoveAliasInput = z.infer<typeof RemoveAliasInput>;

/** The old primary address becomes an alias (WorkMail's UpdatePrimaryEmailAddress). */
export const SetPrimaryAddressInput = z.object({ organizationId, entityId, address: emailAddressSchema });
export type SetPrimaryAddressInput = z.infer<typeof SetPrimaryAddressInput>;
