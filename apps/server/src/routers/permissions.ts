import { ListPermissionsInput, MailboxPermissionsRef, PutPermissionsInput, RemovePermissionsInput } from '@mailyard/core/permissions';
import { countMailboxPermissions, listMailboxPermissions } from '../services/permissions/list.ts';
import { putMailboxPermissions } from '../services/permissions/put.ts';
import { removeAllMailboxPermissions } from '../services/permissions/remove-all.ts';
import { removeMailboxPermissions } from '../services/permissions/remove.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

/** Permissions on a user's or group's mailbox: Full access, Send as, Send on behalf. */
export const permissionsRouter = router({
  list: operatorProcedure.input(ListPermissionsInput).query(({ ctx, input }) => listMailboxPermissions(ctx.deps.db, ctx.operator, input)),
  count: operatorProcedure.input(MailboxPermissionsRef).query(({ ctx, input }) => countMailboxPermissions(ctx.deps.db, ctx.operator, input)),
  put: operatorMutation.input(PutPermissionsInput).mutation(({ ctx, input }) => putMailboxPermissions(ctx.deps, ctx.operator, input)),
  remove: operatorMutation.input(RemovePermissionsInput).mutation(({ ctx, input }) => removeMailboxPermissions(ctx.deps, ctx.operator, input)),
  removeAll: operatorMutation.input(MailboxPermissionsRef).mutation(({ ctx, input }) => removeAllMailboxPermissions(ctx.deps, ctx.operator, input)),
});
