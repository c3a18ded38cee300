import { isDomainError, type DomainError, type ErrorCode, type ErrorKind } from '@mailyard/core/errors';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@mailyard/db';
import { AwsError } from './protocol.ts';

/**
 * Domain errors → WorkMail exception names: the one place the /aws facade words Mailyard's refusals. A code that
 * is not listed takes its kind's exception; the codes listed are those whose WorkMail name is more specific.
 */
const byKind: Record<ErrorKind, string> = {
  invalid: 'InvalidParameterException',
  unauthenticated: 'UnrecognizedClientException',
  forbidden: 'AccessDeniedException',
  not_found: 'EntityNotFoundException',
  conflict: 'NameAvailabilityException',
  state: 'EntityStateException',
  limit: 'LimitExceededException',
  rate_limited: 'ThrottlingException',
};

const byCode: Partial<Record<ErrorCode, string | ((error: DomainError) => string)>> = {
  'ORGANIZATION.NOT_FOUND': 'OrganizationNotFoundException',
  'ORGANIZATION.NOT_ACTIVE': 'OrganizationStateException',
  'ORGANIZATION.INVALID_TRANSITION': 'OrganizationStateException',
  'ORGANIZATION.HAS_ENABLED_USERS': 'OrganizationStateException',
  'DOMAIN.NOT_FOUND': 'MailDomainNotFoundException',
  'DOMAIN.NOT_VERIFIED': 'MailDomainStateException',
  'DOMAIN.IN_USE': 'MailDomainInUseException',
  'DOMAIN.HAS_ADDRESSES': 'MailDomainInUseException',
  'ADDRESS.IN_USE': 'EmailAddressInUseException',
  'ADDRESS.IS_PRIMARY': 'InvalidParameterException',
  'USER.NAME_RESERVED': 'ReservedNameException',
  'USER.ALREADY_REGISTERED': 'EntityAlreadyRegisteredException',
  'GROUP.NAME_RESERVED': 'ReservedNameException',
  'RESOURCE.NAME_RESERVED': 'ReservedNameException',
  'RESOURCE.ALREADY_REGISTERED': 'EntityAlreadyRegisteredException',
  'RESOURCE.NEEDS_DELEGATE': 'InvalidConfigurationException',
  // The built-in directory has no nested groups: an operation this directory does not support.
  'GROUP.NESTING_NOT_SUPPORTED': 'UnsupportedOperationException',
  // CreateOrganization's DirectoryId: WorkMail says "unavailable" of a directory it cannot find or reach.
  'DIRECTORY.NOT_FOUND': 'DirectoryUnavailableException',
  'DIRECTORY.UNREACHABLE': 'DirectoryUnavailableException',
  'DIRECTORY.IN_USE': 'DirectoryInUseException',
  // WorkMail: "You can't perform a write operation against a read-only directory."
  'DIRECTORY.MANAGED': 'UnsupportedOperationException',
  'TAG.LIMIT_REACHED': 'TooManyTagsException',
  'MOBILE_ACCESS.OVERRIDE_NOT_FOUND': 'ResourceNotFoundException',
  'PASSWORD.POLICY': 'InvalidPasswordException',
  'PASSWORD.REUSED': 'InvalidPasswordException',
  // A grantee that is not enabled is a state problem; the owner as grantee is a bad parameter.
  'PERMISSION.GRANTEE_INVALID': (e) => (e.details.state ? 'EntityStateException' : 'InvalidParameterException'),
};

/**
 * The AWS error for anything a service threw, or null when it is no domain error (a bug: the caller logs it). A lost
 * database is AWS's `ServiceUnavailable` (503), which the SDKs retry by themselves.
 */
export function toAwsError(error: unknown): AwsError | null {
  if (error instanceof AwsError) return error;
  if (isDatabaseUnavailable(error)) return new AwsError('ServiceUnavailable', DATABASE_UNAVAILABLE_MESSAGE, 503);
  if (!isDomainError(error)) return null;
  const mapped = byCode[error.code];
  const type = typeof mapped === 'function' ? mapped(error) : (mapped ?? byKind[error.kind]);
  return new AwsError(type, error.message, error.kind === 'unauthenticated' || error.kind === 'forbidden' ? 403 : 400);
}
