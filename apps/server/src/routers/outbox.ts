import { ListOutboxInput } from '@mailyard/core/notices';
import { OrganizationRef } from '@mailyard/core/organizations';
import { countOutbox, listOutbox } from '../services/mail/list-outbox.ts';
import { operatorProcedure, router } from '../trpc/init.ts';

export const outboxRouter = router({
  list: operatorProcedure.input(ListOutboxInput).query(({ ctx, input }) => listOutbox(ctx.deps.db, ctx.operator, input)),
  count: operatorProcedure.input(OrganizationRef).query(({ ctx, input }) => countOutbox(ctx.deps.db, ctx.operator, input)),
});
