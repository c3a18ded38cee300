import { ListActivityInput } from '@mailyard/core/activity';
import { listActivity } from '../services/activity/list.ts';
import { operatorProcedure, router } from '../trpc/init.ts';

export const activityRouter = router({
  list: operatorProcedure.input(ListActivityInput).query(({ ctx, input }) => listActivity(ctx.deps.db, ctx.operator, input)),
});
