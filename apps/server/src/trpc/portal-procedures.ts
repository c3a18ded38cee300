import { fail } from '@mailyard/core/errors';
import { isSameOrigin } from './context.ts';
import { publicProcedure } from './init.ts';

/**
 * A portal request from a signed-in end user. Only the user's own account is ever reachable: procedures take
 * no user or organization ids, they act on `ctx.user`.
 */
export const portalProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) fail('AUTH.REQUIRED', 'Sign in to continue.');
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** A change by a signed-in user: the cookie must come with same-origin proof. */
export const portalMutation = portalProcedure.use(({ ctx, next }) => {
  if (ctx.cookieAuthenticated && !isSameOrigin(ctx.req)) fail('AUTH.REQUIRED', 'Cross-site request refused.');
  return next();
});

/** A signed-out step (sign in, forgot password, reset link): refused from other sites, which have no business here. */
export const portalPublicMutation = publicProcedure.use(({ ctx, next }) => {
  if (!isSameOrigin(ctx.req)) fail('AUTH.REQUIRED', 'Cross-site request refused.');
  return next();
});
