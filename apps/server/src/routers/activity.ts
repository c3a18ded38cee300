import { CountAccountActivityInput, CountActivityInput, ListAccountActivityInput, ListActivityInput } from '@mailyard/core/activity';
import { countAccountActivity, listAccountActivity } from '../services/activity/list-account.ts';
import { countActivity, listActivity } from '../services/activity/list.ts';
import { operatorProcedure, router } from '../trpc/init.ts';

export const activityRouter = router({
  list: operatorProcedure.input(ListActivityInput).query(({ ctx, input }) => listActivity(ctx.deps.db, ctx.operator, input)),
  count: operatorProcedure.input(CountActivityInput).query(({ ctx, input }) => countActivity(ctx.deps.db, ctx.operator, input)),
  /** Every event of the account, its own (access keys, API tokens) included; refused to organization-scoped tokens. */
  listAccount: operatorProcedure.input(ListAccountActivityInput).query(({ ctx, input }) => listAccountActivity(ctx.deps.db, ctx.operator, input)),
  countAccount: operatorProcedure.input(CountAccountActivityInput).query(({ ctx, input }) => countAccountActivity(ctx.deps.db, ctx.operator, input)),
});
