import { z } from 'zod';
import { IDENTITY_PROVIDER_USER_ID_PATTERN as IDENTITY_PROVIDER_USER_ID } from '@mailyard/core/users';
import { text as wellFormedText } from '@mailyard/core/text';

/**
 * The WorkMail model's member constraints (botocore `service-2.json`, 2017-10-01), worded as AWS words a failed
 * constraint ("Member must have length less than or equal to 64"). The SDKs validate nothing, so every length,
 * pattern, range and required member is checked here; a failure is an InvalidParameterException naming the member.
 */

const REQUIRED = 'Member must not be null';
const typeError = (type: string) => (issue: { input?: unknown }) => (issue.input === undefined ? REQUIRED : `Member must be ${type}`);

/** A string member. Model patterns are matched against the whole value, as AWS's (Java `matches`) validator does. */
export function text(c: { min?: number; max?: number; pattern?: string } = {}) {
  let s = wellFormedText({ error: typeError('a string') });
  if (c.min !== undefined) s = s.min(c.min, `Member must have length greater than or equal to ${c.min}`);
  if (c.max !== undefined) s = s.max(c.max, `Member must have length less than or equal to ${c.max}`);
  if (c.pattern !== undefined) s = s.regex(new RegExp(`^(?:${c.pattern})$`), `Member must satisfy regular expression pattern: ${c.pattern}`);
  return s;
}

export function integer(c: { min?: number; max?: number } = {}) {
  let n = z.number({ error: typeError('an integer') }).int('Member must be an integer');
  if (c.min !== undefined) n = n.min(c.min, `Member must have value greater than or equal to ${c.min}`);
  if (c.max !== undefined) n = n.max(c.max, `Member must have value less than or equal to ${c.max}`);
  return n;
}

export const boolean = () => z.boolean({ error: typeError('a boolean') });

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => (issue.input === undefined ? REQUIRED : `Member must satisfy enum value set: [${values.join(', ')}]`) });

export function list<T extends z.ZodType>(item: T, c: { min?: number; max?: number } = {}) {
  let l = z.array(item, { error: typeError('a list') });
  if (c.min !== undefined) l = l.min(c.min, `Member must have length greater than or equal to ${c.min}`);
  if (c.max !== undefined) l = l.max(c.max, `Member must have length less than or equal to ${c.max}`);
  return l;
}

/** A JSON `null` member counts as not set, as AWS's JSON protocols read it; unknown members are ignored. */
const withoutNulls = (value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) : value;

export const structure = <T extends z.ZodRawShape>(shape: T) => z.preprocess(withoutNulls, z.object(shape, { error: typeError('a structure') }));

// Shapes shared by many operations (service-2.json names).
export const OrganizationId = () => text({ min: 34, max: 34, pattern: '^m-[0-9a-f]{32}$' });
export const OrganizationName = () => text({ min: 1, max: 62, pattern: '^(?!d-)([\\da-zA-Z]+)([-][\\da-zA-Z]+)*' });
export const DirectoryId = () => text({ min: 12, max: 12, pattern: '^d-[0-9a-f]{10}$' });
/** An id in WorkMail's own form; where the model uses it as input it accepts only ids, not names. */
export const WorkMailIdentifier = () => text({ min: 12, max: 256 });
/** An id, a name or an email address. */
export const EntityIdentifier = () => text({ min: 1, max: 256, pattern: '[a-zA-Z0-9._%+@-]+' });
export const EmailAddress = () => text({ min: 1, max: 254, pattern: '[a-zA-Z0-9._%+-]{1,64}@[a-zA-Z0-9.-]+\\.[a-zA-Z-]{2,}' });
export const UserName = () => text({ min: 1, max: 64, pattern: '[\\w\\-.]+(@[a-zA-Z0-9.\\-]+\\.[a-zA-Z0-9-]{2,})?' });
export const GroupName = () => text({ min: 1, max: 256, pattern: '[\\u0020-\\u00FF]+' });
export const UserAttribute = () => text({ max: 256 });
export const Password = () => text({ max: 256, pattern: '[\\u0020-\\u00FF]+' });
export const DomainName = () => text({ min: 3, max: 255, pattern: '[a-zA-Z0-9.-]+' });
export const WorkMailDomainName = () => text({ min: 3, max: 209, pattern: '[a-zA-Z0-9.-]+' });
export const IdempotencyClientToken = () => text({ min: 1, max: 128, pattern: '[\\x21-\\x7e]+' });
export const KmsKeyArn = () =>
  text({ min: 20, max: 2048, pattern: 'arn:aws:kms:[a-z0-9-]*:[a-z0-9-]+:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}' });
export const IdentityProviderUserId = () => text({ min: 1, max: 47, pattern: IDENTITY_PROVIDER_USER_ID });
export const IdentityProviderUserIdForUpdate = () => text({ min: 0, max: 47, pattern: `^$|${IDENTITY_PROVIDER_USER_ID}` });
export const IdentityProviderUserIdPrefix = () => text({ min: 1, max: 47, pattern: '^[A-Fa-f0-9-]+$' });
export const EntityState = () => oneOf(['ENABLED', 'DISABLED', 'DELETED']);
export const UserRole = () => oneOf(['USER', 'RESOURCE', 'SYSTEM_USER', 'REMOTE_USER']);
export const PermissionType = () => oneOf(['FULL_ACCESS', 'SEND_AS', 'SEND_ON_BEHALF']);
/** A filter prefix (`String` of at most 256). */
export const Prefix = () => text({ max: 256 });

/** The two members of every List operation. */
export const page = {
  NextToken: text({ min: 1, max: 1024 }).optional(),
  MaxResults: integer({ min: 1, max: 100 }).optional(),
};
