import type { EntityState, MemberType } from '../entities/state.ts';
import type { PermissionType } from '../permissions/types.ts';
import type { BookingOptions } from '../resources/booking.ts';
import type { ResourceType } from '../resources/schemas.ts';
import type { UserAttribute, UserRole } from '../users/index.ts';

/**
 * An organization as the migration compares it: entities by name (ids differ between WorkMail and Mailyard),
 * addresses lower-case. The source (WorkMail's API) and the target (Mailyard's) are both read into this shape.
 */
export interface OrganizationSnapshot {
  domains: SnapshotDomain[];
  users: SnapshotUser[];
  groups: SnapshotGroup[];
  permissions: SnapshotPermission[];
  resources: SnapshotResource[];
  /** Whether a group may contain groups (WorkMail with an AD directory: yes; Mailyard's built-in directory: no). */
  nestedGroups: boolean;
}

export interface SnapshotDomain {
  name: string;
  /** The organization's free test domain (WorkMail's `<alias>.awsapps.com`, Mailyard's `<alias>.<suffix>`). */
  isTest: boolean;
  isDefault: boolean;
  /** Ownership proven: addresses may be put on it. */
  usable: boolean;
}

/** Every personal-data field but the display name, which is required and kept apart. */
export type UserDetailField = Exclude<UserAttribute, 'displayName'>;
export type UserDetails = Record<UserDetailField, string | null>;

export interface SnapshotUser {
  name: string;
  displayName: string;
  details: UserDetails;
  hiddenFromGlobalAddressList: boolean;
  role: UserRole;
  state: EntityState;
  /** The primary address; null while disabled. */
  email: string | null;
  /** Every address but the primary. */
  aliases: string[];
  /** Null without a mailbox (a user never enabled). */
  quotaMb: number | null;
}

export interface SnapshotGroup {
  name: string;
  state: EntityState;
  email: string | null;
  aliases: string[];
  hiddenFromGlobalAddressList: boolean;
  members: MemberRef[];
}

export interface MemberRef {
  type: MemberType;
  name: string;
}

/** The permissions a grantee holds on a user's mailbox (WorkMail grants on users' mailboxes only here). */
export interface SnapshotPermission {
  mailbox: string;
  grantee: MemberRef;
  permissions: PermissionType[];
}

/** A room or a piece of equipment, with how it answers booking requests and who answers for it. */
export interface SnapshotResource {
  name: string;
  type: ResourceType;
  description: string | null;
  state: EntityState;
  /** The primary address; null while disabled. */
  email: string | null;
  hiddenFromGlobalAddressList: boolean;
  bookingOptions: BookingOptions;
  delegates: MemberRef[];
}
