import { ListAccountActivityInput, ListActivityInput } from '@mailyard/core/activity';
import { listAccountActivity } from '../services/activity/list-account.ts';
import { listActivity } from '../services/activity/list.ts';
import { operatorProcedure, router } from '../trpc/init.ts';

export const activityRouter = router({
  list: operatorProcedure.input(ListActivityInput).query(({ ctx, input }) => listActivity(ctx.deps.db, ctx.operator, input)),
  /** Every event of the account, its own (access keys, API tokens) included; refused to organization-scoped tokens. */
  listAccount: operatorProcedure.input(ListAccountActivityInput).query(({ ctx, input }) => listAccountActivity(ctx.deps.db, ctx.operator, input)),
});
