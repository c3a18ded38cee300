import { z } from 'zod';
import { organizationId as organizationIdSchema } from '@mailyard/core/organizations';
import {
  displayNameSchema,
  identityProviderUserIdSchema,
  ListUsersInput,
  optionalUserAttribute,
  UpdateUserInput,
  userNameSchema,
  type UserSummary,
} from '@mailyard/core/users';
import { requireActiveOrganization } from '../../services/organizations/require.ts';
import { createUser } from '../../services/users/create.ts';
import { deleteUser } from '../../services/users/delete.ts';
import { getUser } from '../../services/users/get.ts';
import { listUsers } from '../../services/users/list.ts';
import { resetPassword } from '../../services/users/reset-password.ts';
import { updateUserDetails } from '../../services/users/update-details.ts';
import { entityNamed, entityWithId, lifecycle } from '../entities.ts';
import {
  boolean,
  EntityIdentifier,
  EntityState,
  IdentityProviderUserId,
  IdentityProviderUserIdForUpdate,
  IdentityProviderUserIdPrefix,
  OrganizationId,
  page,
  Password,
  Prefix,
  structure,
  UserAttribute,
  UserName,
  UserRole,
  WorkMailIdentifier,
} from '../model.ts';
import { operation } from '../operation.ts';
import { TokenScope } from '../pagination.ts';
import { compact, epochSeconds } from '../protocol.ts';
import { coreFields, filterFields, parseCore } from '../validation.ts';

/**
 * The user as CreateUser gives it, through the core field schemas the console's form uses. The reserved-name rule
 * is left to the service, so a reserved name is a ReservedNameException, not an InvalidParameterException.
 */
const NewUserFields = z.object({
  organizationId: organizationIdSchema,
  name: userNameSchema,
  displayName: displayNameSchema,
  firstName: optionalUserAttribute('firstName'),
  lastName: optionalUserAttribute('lastName'),
  identityProviderUserId: identityProviderUserIdSchema.optional(),
});

/** CreateUser makes a DISABLED user without an address (§2.4); RegisterToWorkMail enables it. */
export const CreateUser = operation(
  structure({
    OrganizationId: OrganizationId(),
    Name: UserName(),
    DisplayName: UserAttribute(),
    Password: Password().optional(),
    Role: UserRole().optional(),
    FirstName: UserAttribute().optional(),
    LastName: UserAttribute().optional(),
    HiddenFromGlobalAddressList: boolean().optional(),
    IdentityProviderUserId: IdentityProviderUserId().optional(),
  }),
  async ({ deps, actor }, { Password, Role, HiddenFromGlobalAddressList, ...members }) => {
    // The service checks the password against the policy (InvalidPasswordException) and the role.
    const fields = parseCore(NewUserFields, coreFields(members));
    const { userId } = await createUser(
      deps,
      actor,
      { ...fields, password: Password, role: Role, hiddenFromGlobalAddressList: HiddenFromGlobalAddressList },
      { register: false },
    );
    return { UserId: userId };
  },
);

export const DescribeUser = operation(structure({ OrganizationId: OrganizationId(), UserId: EntityIdentifier() }), async (ctx, input) => {
  const entity = await entityNamed(ctx, input.OrganizationId, input.UserId, 'UserId', ['USER']);
  const user = await getUser(ctx.deps.db, ctx.actor, { organizationId: input.OrganizationId, userId: entity.id });
  return compact({
    UserId: user.id,
    Name: user.name,
    Email: user.email,
    DisplayName: user.displayName,
    ...lifecycle(user),
    UserRole: user.role,
    MailboxProvisionedDate: epochSeconds(user.mailbox?.provisionedAt ?? null),
    MailboxDeprovisionedDate: epochSeconds(user.mailbox?.deprovisionedAt ?? null),
    FirstName: user.firstName,
    LastName: user.lastName,
    HiddenFromGlobalAddressList: user.hiddenFromGlobalAddressList,
    Initials: user.initials,
    Telephone: user.telephone,
    Street: user.street,
    JobTitle: user.jobTitle,
    City: user.city,
    Company: user.company,
    ZipCode: user.zipCode,
    Department: user.department,
    Country: user.country,
    Office: user.office,
    IdentityProviderUserId: user.identityProviderUserId,
  });
});

const userSummary = (u: UserSummary) =>
  compact({
    Id: u.id,
    Email: u.email,
    Name: u.name,
    DisplayName: u.displayName,
    ...lifecycle(u),
    UserRole: u.role,
    IdentityProviderUserId: u.identityProviderUserId,
  });

/** System users (postmaster) are listed too, with UserRole SYSTEM_USER, as WorkMail lists its own. */
export const ListUsers = operation(
  structure({
    OrganizationId: OrganizationId(),
    ...page,
    Filters: structure({
      UsernamePrefix: Prefix().optional(),
      DisplayNamePrefix: UserAttribute().optional(),
      PrimaryEmailPrefix: Prefix().optional(),
      State: EntityState().optional(),
      IdentityProviderUserIdPrefix: IdentityProviderUserIdPrefix().optional(),
    }).optional(),
  }),
  async (ctx, input) => {
    const filters = input.Filters ?? {};
    const tokens = new TokenScope('ListUsers', { o: input.OrganizationId, f: filters });
    const { fields, members } = filterFields(filters);
    const query = parseCore(ListUsersInput, { organizationId: input.OrganizationId, ...tokens.page(input), ...fields }, members);
    const result = await listUsers(ctx.deps.db, ctx.actor, query, requireActiveOrganization);
    return compact({ Users: result.items.map(userSummary), NextToken: tokens.token(result.nextCursor) });
  },
);

/**
 * Only the members present change; an empty attribute clears it (the display name cannot be cleared), and so does
 * an empty IdentityProviderUserId. Role moves a user between USER and REMOTE_USER.
 */
export const UpdateUser = operation(
  structure({
    OrganizationId: OrganizationId(),
    UserId: EntityIdentifier(),
    Role: UserRole().optional(),
    DisplayName: UserAttribute().optional(),
    FirstName: UserAttribute().optional(),
    LastName: UserAttribute().optional(),
    HiddenFromGlobalAddressList: boolean().optional(),
    Initials: UserAttribute().optional(),
    Telephone: UserAttribute().optional(),
    Street: UserAttribute().optional(),
    JobTitle: UserAttribute().optional(),
    City: UserAttribute().optional(),
    Company: UserAttribute().optional(),
    ZipCode: UserAttribute().optional(),
    Department: UserAttribute().optional(),
    Country: UserAttribute().optional(),
    Office: UserAttribute().optional(),
    IdentityProviderUserId: IdentityProviderUserIdForUpdate().optional(),
  }),
  async (ctx, { UserId: identifier, ...members }) => {
    const changes = parseCore(UpdateUserInput.omit({ userId: true }), coreFields(members));
    const entity = await entityNamed(ctx, members.OrganizationId, identifier, 'UserId', ['USER']);
    await updateUserDetails(ctx.deps, ctx.actor, { ...changes, userId: entity.id });
    return {};
  },
);

/** Only a DISABLED user can be deleted: an ENABLED one is an EntityStateException (§2.4). */
export const DeleteUser = operation(structure({ OrganizationId: OrganizationId(), UserId: EntityIdentifier() }), async (ctx, input) => {
  const entity = await entityNamed(ctx, input.OrganizationId, input.UserId, 'UserId', ['USER']);
  await deleteUser(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, userId: entity.id });
  return {};
});

/** The password policy names every rule a refused password breaks (InvalidPasswordException). */
export const ResetPassword = operation(
  structure({ OrganizationId: OrganizationId(), UserId: WorkMailIdentifier(), Password: Password() }),
  async (ctx, input) => {
    const entity = await entityWithId(ctx, input.OrganizationId, input.UserId, ['USER']);
    await resetPassword(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, userId: entity.id, password: input.Password });
    return {};
  },
);
