import { z } from 'zod';
import { emailAddressSchema, normalizeAddress } from '../addresses/address.ts';
import { entityId } from '../entities/ids.ts';
import { EntityStateSchema } from '../entities/state.ts';
import { organizationId } from '../organizations/ids.ts';
import { pageInput, prefixFilter } from '../pagination/cursor.ts';
import { sortInput } from '../pagination/sorting.ts';
import { newPasswordFields, PASSWORDS_DO_NOT_MATCH, refinePasswordsMatch } from '../passwords/new-password.ts';
import { passwordSchema } from '../passwords/policy.ts';
import { text } from '../text/well-formed.ts';
import { displayNameSchema, optionalUserAttribute, userDetailsFields } from './attributes.ts';
import { clearableIdentityProviderUserId } from './identity-provider.ts';
import { newUserNameSchema } from './names.ts';
import { UserRoleSchema } from './roles.ts';

/** A batch of users acted on at once (bulk enable/disable): at most one page of the list. */
export const MAX_BULK_USERS = 100;

export const userId = entityId;

export const UserRef = z.object({ organizationId, userId });
export type UserRef = z.infer<typeof UserRef>;

/**
 * "Create a user": the user is created enabled, with a mailbox. `email` omitted = name@default domain
 * (`defaultAddressFor`); the domain must be one of the organization's verified domains (a server check).
 */
export const CreateUserInput = refinePasswordsMatch(
  z.object({
    organizationId,
    name: newUserNameSchema,
    displayName: displayNameSchema,
    firstName: optionalUserAttribute('firstName'),
    lastName: optionalUserAttribute('lastName'),
    email: emailAddressSchema.optional(),
    hiddenFromGlobalAddressList: z.boolean().default(false),
    ...newPasswordFields,
  }),
);
export type CreateUserInput = z.infer<typeof CreateUserInput>;

/** Only the fields present change; `null` clears an optional field. */
export const UpdateUserDetailsInput = z.object({ organizationId, userId, ...userDetailsFields });
export type UpdateUserDetailsInput = z.infer<typeof UpdateUserDetailsInput>;

/** WorkMail's UpdateUser: the details, the role (USER ⇄ REMOTE_USER) and the identity-provider link. */
export const UpdateUserInput = UpdateUserDetailsInput.extend({ role: UserRoleSchema.optional(), identityProviderUserId: clearableIdentityProviderUserId });
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

/** The columns the users list sorts on (each with its page index). */
export const userSortColumns = ['name', 'displayName', 'email', 'state', 'createdAt'] as const;
export type UserSort = (typeof userSortColumns)[number];

/** Which users a list or its total covers: the console's search and state filter, and WorkMail's prefix filters. */
const userFilters = {
  organizationId,
  /** The console's search box: a fragment anywhere in the user name, display name, primary address or an alias. */
  search: prefixFilter('Search'),
  state: EntityStateSchema.optional(),
  /** WorkMail ListUsers filters: each given prefix must match (with `search` too, when both are given). */
  usernamePrefix: prefixFilter('User name prefix'),
  displayNamePrefix: prefixFilter('Display name prefix'),
  primaryEmailPrefix: prefixFilter('Email prefix'),
  identityProviderUserIdPrefix: prefixFilter('Identity provider user id prefix'),
};

/** Without `sort`: by name, or by the first WorkMail prefix filter given (WorkMail's order). */
export const ListUsersInput = z.object({ ...userFilters, ...pageInput, ...sortInput(userSortColumns) });
export type ListUsersInput = z.infer<typeof ListUsersInput>;

export const CountUsersInput = z.object(userFilters);
export type CountUsersInput = z.infer<typeof CountUsersInput>;

const uniqueIds = (ids: string[]) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length;

export const BulkUsersInput = z.object({
  organizationId,
  userIds: z
    .array(userId)
    .min(1, 'Select at least one user.')
    .max(MAX_BULK_USERS, `Select at most ${MAX_BULK_USERS} users at once.`)
    .refine(uniqueIds, 'Each user may be selected only once.'),
});
export type BulkUsersInput = z.infer<typeof BulkUsersInput>;

/**
 * One user of the Enable dialog: the primary address the operator reviewed and, for a user without a password
 * (created through the WorkMail API), the password it gets, set in the same operation so the user can sign in.
 */
const enableUserRow = z.object({ userId, email: emailAddressSchema, password: passwordSchema.optional(), repeatPassword: text().optional() });

/** The Enable dialog: each selected user with the primary address the operator reviewed (and a password, if given). */
export const EnableUsersInput = z
  .object({
    organizationId,
    users: z
      .array(enableUserRow)
      .min(1, 'Select at least one user.')
      .max(MAX_BULK_USERS, `Select at most ${MAX_BULK_USERS} users at once.`),
  })
  .superRefine(({ users }, ctx) => {
    const seenIds = new Set<string>();
    const seenEmails = new Set<string>();
    users.forEach((u, i) => {
      const id = u.userId.toLowerCase();
      if (seenIds.has(id)) ctx.addIssue({ code: 'custom', path: ['users', i, 'userId'], message: 'Each user may be selected only once.' });
      seenIds.add(id);
      // Addresses are one namespace: two users of one batch cannot get the same one.
      const email = normalizeAddress(u.email);
      if (seenEmails.has(email)) ctx.addIssue({ code: 'custom', path: ['users', i, 'email'], message: `${email} is given to two users.` });
      seenEmails.add(email);
      if (u.password !== undefined && u.password !== u.repeatPassword) ctx.addIssue({ code: 'custom', path: ['users', i, 'repeatPassword'], message: PASSWORDS_DO_NOT_MATCH });
    });
  });
export type EnableUsersInput = z.infer<typeof EnableUsersInput>;

export const RenameUserInput = z.object({ organizationId, userId, name: newUserNameSchema });
export type RenameUserInput = z.infer<typeof RenameUserInput>;

export const ResetPasswordInput = refinePasswordsMatch(z.object({ organizationId, userId, ...newPasswordFields }));
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;
