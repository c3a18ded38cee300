import type { EntityAddress } from '../addresses/models.ts';
import type { EntityState } from '../entities/state.ts';
import type { UserRole } from './roles.ts';

/** A row of the users list (WorkMail's User). */
export interface UserSummary {
  id: string;
  name: string;
  displayName: string;
  /** The primary address; `null` until the user is enabled. */
  email: string | null;
  state: EntityState;
  role: UserRole;
  enabledAt: Date | null;
  disabledAt: Date | null;
  identityProviderUserId: string | null;
  /**
   * Whether the user has a password to sign in with. A user created through the WorkMail API has none until one is
   * set (ResetPassword, or the console's Enable): the console says so rather than promise a sign-in.
   */
  hasPassword: boolean;
  /**
   * Synchronised from the organization's LDAP directory (Standard setup): its names, personal details and password
   * are the directory's, changed with the directory's tools.
   */
  fromDirectory: boolean;
  createdAt: Date;
}

/** Every attribute of a user (WorkMail's DescribeUser), without credentials. */
export interface UserRecord extends UserSummary {
  firstName: string | null;
  lastName: string | null;
  initials: string | null;
  telephone: string | null;
  street: string | null;
  city: string | null;
  zipCode: string | null;
  country: string | null;
  company: string | null;
  department: string | null;
  jobTitle: string | null;
  office: string | null;
  hiddenFromGlobalAddressList: boolean;
  updatedAt: Date;
}

/** The mailbox as the user's page shows it; kept while the user is disabled, until `deletionDueAt`. */
export interface UserMailbox {
  quotaMb: number;
  usageBytes: number;
  usageReportedAt: Date | null;
  provisionedAt: Date;
  deprovisionedAt: Date | null;
  deletionDueAt: Date | null;
  deletedAt: Date | null;
}

export interface UserDetail extends UserRecord {
  /** Every address but the primary, alphabetical. */
  aliases: string[];
  /** `null` for a user never enabled. */
  mailbox: UserMailbox | null;
}

/** What disabling answers for each user: when its kept mailbox will be deleted unless it is enabled again. */
export interface DisabledUser {
  userId: string;
  mailboxDeletionDueAt: Date;
}

/** One address of a user (the Email addresses tab). */
export type UserAddress = EntityAddress;
