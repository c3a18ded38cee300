import {
  addressChangeRefusal,
  deleteRefusal,
  disableRefusal,
  editRefusal,
  enableApplies,
  enableWithAddressRefusal,
  type LifecycleSubject,
} from '../entities/lifecycle.ts';
import type { EntityState } from '../entities/state.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';
import { roleRefusal, type UserRole } from './roles.ts';

export interface UserFacts {
  name: string;
  state: EntityState;
  role: UserRole;
  /** The primary address; `null` while the user was never enabled. */
  email?: string | null;
}

const subject = (u: UserFacts): LifecycleSubject => ({ noun: 'User', name: u.name, state: u.state, code: 'USER.INVALID_STATE' });

const systemProtected = (u: UserFacts, action: string): Refusal =>
  refusal('USER.SYSTEM_PROTECTED', `"${u.name}" is a system user and cannot be ${action}.`, { role: u.role });

/** `null` when the user may be enabled with `email` (WorkMail's RegisterToWorkMail: see `enableWithAddressRefusal`). */
export const canEnable = (user: UserFacts, email?: string): Refusal | null =>
  enableWithAddressRefusal(subject(user), user.email, email, 'USER.ALREADY_REGISTERED');

/** System users stay enabled: postmaster must keep accepting mail. */
export function canDisable(user: UserFacts): Refusal | null {
  if (user.role === 'SYSTEM_USER') return systemProtected(user, 'disabled');
  return disableRefusal(subject(user));
}

/** Only a DISABLED user can be deleted; system users never. */
export function canDelete(user: UserFacts): Refusal | null {
  if (user.role === 'SYSTEM_USER') return systemProtected(user, 'deleted');
  return deleteRefusal(subject(user));
}

export function canRename(user: UserFacts): Refusal | null {
  if (user.role === 'SYSTEM_USER') return systemProtected(user, 'renamed');
  return editRefusal(subject(user));
}

/** Details, addresses, quota and passwords of a deleted user cannot change. */
export function canEdit(user: UserFacts): Refusal | null {
  return editRefusal(subject(user));
}

/** Aliases and the primary address of a user never enabled, or deleted, cannot change. */
export function canChangeAddresses(user: UserFacts): Refusal | null {
  return addressChangeRefusal(subject(user), user.email);
}

/** A system user keeps the address the mail system relies on (postmaster@…); aliases may still be added. */
export function canSetPrimaryAddress(user: UserFacts): Refusal | null {
  if (user.role === 'SYSTEM_USER') return systemProtected(user, 'given another primary address');
  return canChangeAddresses(user);
}

/**
 * WorkMail's UpdateUser `Role`: a user moves between USER and REMOTE_USER only (SYSTEM_USER and RESOURCE are never
 * given), and a system user keeps its role: postmaster stays the mailbox every domain relies on.
 */
export function canChangeRole(user: UserFacts, role: UserRole): Refusal | null {
  const refused = roleRefusal(role);
  if (refused) return refused;
  if (user.role === 'SYSTEM_USER') return systemProtected(user, 'given another role');
  return null;
}

/** What the console offers for the selected users: an action applies when it applies to every one of them. */
export interface UserActions {
  enable: boolean;
  disable: boolean;
  delete: boolean;
  resetPassword: boolean;
}

export function userActions(users: readonly UserFacts[]): UserActions {
  const every = (allowed: (u: UserFacts) => boolean) => users.length > 0 && users.every(allowed);
  return {
    enable: every(enableApplies),
    disable: every((u) => canDisable(u) === null),
    delete: every((u) => canDelete(u) === null),
    resetPassword: users.length === 1 && canEdit(users[0]!) === null,
  };
}

/** A disabled user's mailbox is kept this long, then deleted; enabling before then keeps it. */
export const MAILBOX_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When the mailbox of a user disabled at `disabledAt` is deleted: exactly 30 × 24 h later (no calendar/DST drift). */
export const mailboxDeletionDate = (disabledAt: Date): Date => new Date(disabledAt.getTime() + MAILBOX_RETENTION_DAYS * DAY_MS);

/** When the mailbox of `user` will be deleted: only a disabled user's is scheduled; `null` otherwise. */
export const scheduledMailboxDeletion = (user: { state: EntityState; disabledAt: Date | null }): Date | null =>
  user.state === 'DISABLED' && user.disabledAt ? mailboxDeletionDate(user.disabledAt) : null;

/**
 * A person's user who cannot sign in for want of a password (created through the WorkMail API, which sets none): the
 * console says so, and its Enable dialog asks for one. System users and resources never sign in with one.
 */
export const lacksPassword = (user: { role: UserRole; state: EntityState; hasPassword: boolean; fromDirectory: boolean }): boolean =>
  user.role === 'USER' && user.state !== 'DELETED' && !user.hasPassword && !user.fromDirectory;
