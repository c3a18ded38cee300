import { ApiTokenRef, CreateApiTokenInput, ListApiTokensInput } from '@mailyard/core/api-tokens';
import { createApiToken } from '../services/api-tokens/create.ts';
import { countApiTokens, listApiTokens } from '../services/api-tokens/list.ts';
import { revokeApiToken } from '../services/api-tokens/revoke.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

/** Console session only (the services refuse API tokens): a token cannot mint or revoke tokens. */
export const apiTokensRouter = router({
  list: operatorProcedure.input(ListApiTokensInput).query(({ ctx, input }) => listApiTokens(ctx.deps, ctx.operator, input)),
  count: operatorProcedure.query(({ ctx }) => countApiTokens(ctx.deps, ctx.operator)),
  create: operatorMutation.input(CreateApiTokenInput).mutation(({ ctx, input }) => createApiToken(ctx.deps, ctx.operator, input)),
  revoke: operatorMutation.input(ApiTokenRef).mutation(({ ctx, input }) => revokeApiToken(ctx.deps, ctx.operator, input)),
});
