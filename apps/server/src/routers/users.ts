import {
  BulkUsersInput,
  CountUsersInput,
  CreateUserInput,
  EnableUsersInput,
  ListUsersInput,
  RenameUserInput,
  ResetPasswordInput,
  UpdateUserInput,
  UserRef,
} from '@mailyard/core/users';
import { listAddresses } from '../services/addresses/list.ts';
import { createUser } from '../services/users/create.ts';
import { deleteUser } from '../services/users/delete.ts';
import { disableUsers } from '../services/users/disable.ts';
import { enableUsers } from '../services/users/enable.ts';
import { getUser } from '../services/users/get.ts';
import { countUsers, listUsers } from '../services/users/list.ts';
import { renameUser } from '../services/users/rename.ts';
import { resetPassword } from '../services/users/reset-password.ts';
import { updateUserDetails } from '../services/users/update-details.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';
import { addressChanges } from './addresses.ts';

/** The addresses procedures here reach users only; a group's are under `groups`. */
const USERS = ['USER'] as const;

export const usersRouter = router({
  list: operatorProcedure.input(ListUsersInput).query(({ ctx, input }) => listUsers(ctx.deps.db, ctx.operator, input)),
  count: operatorProcedure.input(CountUsersInput).query(({ ctx, input }) => countUsers(ctx.deps.db, ctx.operator, input)),
  get: operatorProcedure.input(UserRef).query(({ ctx, input }) => getUser(ctx.deps.db, ctx.operator, input)),
  listAddresses: operatorProcedure
    .input(UserRef)
    .query(({ ctx, input }) => listAddresses(ctx.deps.db, ctx.operator, { organizationId: input.organizationId, entityId: input.userId }, USERS)),
  /** The console's Create user: created enabled, with its address and mailbox. */
  create: operatorMutation.input(CreateUserInput).mutation(({ ctx, input }) => createUser(ctx.deps, ctx.operator, input, { register: true })),
  updateDetails: operatorMutation.input(UpdateUserInput).mutation(({ ctx, input }) => updateUserDetails(ctx.deps, ctx.operator, input)),
  rename: operatorMutation.input(RenameUserInput).mutation(({ ctx, input }) => renameUser(ctx.deps, ctx.operator, input)),
  enable: operatorMutation.input(EnableUsersInput).mutation(({ ctx, input }) => enableUsers(ctx.deps, ctx.operator, input)),
  disable: operatorMutation.input(BulkUsersInput).mutation(({ ctx, input }) => disableUsers(ctx.deps, ctx.operator, input)),
  delete: operatorMutation.input(UserRef).mutation(({ ctx, input }) => deleteUser(ctx.deps, ctx.operator, input)),
  resetPassword: operatorMutation.input(ResetPasswordInput).mutation(({ ctx, input }) => resetPassword(ctx.deps, ctx.operator, input)),
  ...addressChanges(USERS),
});
