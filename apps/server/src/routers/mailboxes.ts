import { UpdateQuotaInput } from '@mailyard/core/mailboxes';
import { UserRef } from '@mailyard/core/users';
import { getMailbox } from '../services/mailboxes/get.ts';
import { updateQuota } from '../services/mailboxes/update-quota.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

export const mailboxesRouter = router({
  get: operatorProcedure.input(UserRef).query(({ ctx, input }) => getMailbox(ctx.deps.db, ctx.operator, input)),
  updateQuota: operatorMutation.input(UpdateQuotaInput).mutation(({ ctx, input }) => updateQuota(ctx.deps, ctx.operator, input)),
});
