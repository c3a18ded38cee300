/**
 * Every domain error has a stable code and a kind. The kind decides the transport status in one place
 * (tRPC codes, WorkMail exception names); the code is what scripts and tests match on.
 */
export type ErrorKind =
  | 'invalid' // the input breaks a rule
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict' // a unique name or address is taken
  | 'state' // the entity is not in a state that allows the operation
  | 'limit' // a quota or limit is reached
  | 'rate_limited';

export const errorKinds = {
  VALIDATION: 'invalid',
  'AUTH.INVALID_CREDENTIALS': 'unauthenticated',
  'AUTH.REQUIRED': 'unauthenticated',
  'AUTH.RATE_LIMITED': 'rate_limited',
  'AUTH.READ_ONLY': 'forbidden',
  'AUTH.TOKEN_EXPIRED': 'unauthenticated',
  'AUTH.TOKEN_REVOKED': 'unauthenticated',
  /** Managing API tokens needs a console session: a token cannot mint or revoke tokens. */
  'AUTH.SESSION_REQUIRED': 'forbidden',
  'AUTH.ACCOUNT_UNAVAILABLE': 'unauthenticated',
  'ORGANIZATION.NOT_FOUND': 'not_found',
  'ORGANIZATION.ALIAS_INVALID': 'invalid',
  'ORGANIZATION.ALIAS_TAKEN': 'conflict',
  'ORGANIZATION.LIMIT_REACHED': 'limit',
  'ORGANIZATION.NOT_ACTIVE': 'state',
  'ORGANIZATION.INVALID_TRANSITION': 'state',
  'ORGANIZATION.HAS_ENABLED_USERS': 'state',
  'TAG.LIMIT_REACHED': 'limit',
  'ACCESS_RULE.LIMIT_REACHED': 'limit',
  /** A sign-in the organization's access control rules deny: the message names no rule. */
  'ACCESS.DENIED_BY_RULES': 'forbidden',
  'DOMAIN.NOT_FOUND': 'not_found',
  'DOMAIN.NOT_VERIFIED': 'state',
  /** Verified by another organization (any account): the message names no one. */
  'DOMAIN.IN_USE': 'conflict',
  /** Still carries addresses: they go first. */
  'DOMAIN.HAS_ADDRESSES': 'conflict',
  /** The test domain or the default domain cannot be removed. */
  'DOMAIN.PROTECTED': 'invalid',
  'DOMAIN.LIMIT_REACHED': 'limit',
  /** A DKIM rotation is already waiting for its new record. */
  'DOMAIN.ROTATION_PENDING': 'state',
  'ADDRESS.INVALID': 'invalid',
  'ADDRESS.IN_USE': 'conflict',
  'ADDRESS.NOT_FOUND': 'not_found',
  'ADDRESS.IS_PRIMARY': 'state',
  'ADDRESS.LIMIT_REACHED': 'limit',
  'ADDRESS.SELF_SERVICE_DISABLED': 'forbidden',
  'ADDRESS.DOMAIN_NOT_ALLOWED': 'forbidden',
  'ADDRESS.PATTERN_MISMATCH': 'invalid',
  'USER.NOT_FOUND': 'not_found',
  'USER.NAME_TAKEN': 'conflict',
  'USER.NAME_RESERVED': 'invalid',
  'USER.INVALID_STATE': 'state',
  'USER.ALREADY_REGISTERED': 'conflict',
  'USER.SYSTEM_PROTECTED': 'state',
  'USER.ROLE_NOT_ALLOWED': 'invalid',
  'GROUP.NOT_FOUND': 'not_found',
  'GROUP.NAME_TAKEN': 'conflict',
  'GROUP.NAME_RESERVED': 'invalid',
  'GROUP.INVALID_STATE': 'state',
  'GROUP.ALREADY_REGISTERED': 'conflict',
  'GROUP.NESTING_NOT_SUPPORTED': 'state',
  'GROUP.MEMBER_NOT_FOUND': 'not_found',
  'GROUP.CYCLE': 'invalid',
  'ENTITY.NOT_FOUND': 'not_found',
  'RESOURCE.NOT_FOUND': 'not_found',
  'RESOURCE.NAME_TAKEN': 'conflict',
  'RESOURCE.NAME_RESERVED': 'invalid',
  'RESOURCE.INVALID_STATE': 'state',
  'RESOURCE.ALREADY_REGISTERED': 'conflict',
  /** A resource must accept requests by itself or have a delegate who answers them (InvalidConfigurationException). */
  'RESOURCE.NEEDS_DELEGATE': 'invalid',
  'RESOURCE.DELEGATE_NOT_FOUND': 'not_found',
  'PASSWORD.POLICY': 'invalid',
  'PASSWORD.MISMATCH': 'invalid',
  'PASSWORD.REUSED': 'invalid',
  'PASSWORD.WRONG_CURRENT': 'invalid',
  'MAILBOX.NOT_FOUND': 'not_found',
  'MAILBOX.QUOTA_RANGE': 'invalid',
  'PERMISSION.GRANTEE_INVALID': 'invalid',
  'PERMISSION.NOT_FOUND': 'not_found',
  'DEVICE.NOT_FOUND': 'not_found',
  'DEVICE.ACCESS_DENIED': 'forbidden',
  'DEVICE.INVALID_STATE': 'state',
  'DEVICE.LIMIT_REACHED': 'limit',
  /** The organization's mobile device access rules, or an override for the user and device, deny the device. */
  'DEVICE.BLOCKED': 'forbidden',
  'MOBILE_ACCESS.RULE_NOT_FOUND': 'not_found',
  'MOBILE_ACCESS.RULE_LIMIT_REACHED': 'limit',
  /** No override for this user and device (WorkMail's ResourceNotFoundException). */
  'MOBILE_ACCESS.OVERRIDE_NOT_FOUND': 'not_found',
  'RECOVERY.CODE_INVALID': 'invalid',
  'RECOVERY.NOT_VERIFIED': 'state',
  'RECOVERY.ADDRESS_INVALID': 'invalid',
  'RESET.TOKEN_INVALID': 'invalid',
  'IMPORT.INVALID_FILE': 'invalid',
  'IMPORT.NOT_FOUND': 'not_found',
  /** Applying an import that is already applied, or has no row left to apply. */
  'IMPORT.INVALID_STATE': 'state',
  'MIGRATION.NOT_FOUND': 'not_found',
  /** Migrating a run that is not planned, or starting one while another runs in the organization. */
  'MIGRATION.INVALID_STATE': 'state',
  'ACCESS_KEY.NOT_FOUND': 'not_found',
  'ACCESS_KEY.LIMIT_REACHED': 'limit',
  'API_TOKEN.NOT_FOUND': 'not_found',
  'OPERATOR.EMAIL_TAKEN': 'conflict',
  'DIRECTORY.NOT_FOUND': 'not_found',
  'DIRECTORY.NAME_TAKEN': 'conflict',
  /** Already the directory of another organization (WorkMail's DirectoryInUseException). */
  'DIRECTORY.IN_USE': 'conflict',
  /** The directory cannot be reached (network, DNS, TLS): WorkMail's DirectoryUnavailableException. */
  'DIRECTORY.UNREACHABLE': 'state',
  /** The directory refused the bind credentials. */
  'DIRECTORY.BIND_REFUSED': 'state',
  /** A base DN the directory does not have. */
  'DIRECTORY.BASE_NOT_FOUND': 'state',
  /** A name, personal detail or password of a directory user: changed with the directory's own tools. */
  'DIRECTORY.MANAGED': 'state',
  /** A sync that would disable more than half of the directory's users at once waits for the operator. */
  'DIRECTORY.MASS_REMOVAL': 'state',
  /** Sync now on a directory no organization uses yet. */
  'DIRECTORY.NOT_IN_USE': 'state',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof errorKinds;
