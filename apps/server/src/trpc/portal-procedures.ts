import { fail } from '@mailyard/core/errors';
import { assertSameOrigin, publicProcedure } from './init.ts';

/**
 * A portal request from a signed-in end user. Only the user's own account is ever reachable: procedures take
 * no user or organization ids, they act on `ctx.user`.
 */
export const portalProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.userAccount) fail('AUTH.REQUIRED', 'Sign in to continue.');
  return next({ ctx: { ...ctx, user: ctx.user, userAccount: ctx.userAccount } });
});

/** A change by a signed-in user: the cookie must come with same-origin proof. */
export const portalMutation = portalProcedure.use(({ ctx, next }) => {
  if (ctx.cookieAuthenticated) assertSameOrigin(ctx);
  return next();
});
