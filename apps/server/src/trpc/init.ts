import { initTRPC, TRPCError } from '@trpc/server';
import { fail, isDomainError } from '@mailyard/core/errors';
import type { Context } from './context.ts';
import { isSameOrigin } from './context.ts';
import { errorData, errorMessage, trpcCodeForKind, unavailableOr } from './errors.ts';
import type { ProcedureMeta } from './guesses.ts';
import { transformer } from './transformer.ts';

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      // Internal errors are logged, never shown: they may carry SQL or stack details.
      message: internal ? 'Something went wrong on our side. Try again; if it persists, check the server log.' : errorMessage(error.cause, shape.message),
      data: { ...data, ...errorData(error.cause) },
    };
  },
});

/** Turns domain errors into tRPC errors with the right status, and a lost database into 503; every procedure goes through it. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeForKind[cause.kind], message: cause.message, cause });
  }
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    const unavailable = unavailableOr(result.error.cause);
    if (unavailable !== result.error.cause) throw unavailable;
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(domainErrors);

/** The CSRF gate of every change a browser could be tricked into sending (see `isSameOrigin`). */
export function assertSameOrigin(ctx: Pick<Context, 'req' | 'deps'>): void {
  if (!isSameOrigin(ctx.req, ctx.deps.config)) fail('AUTH.REQUIRED', 'Cross-site request refused.');
}

/** A signed-out step (sign in, forgot password, reset link): refused from other sites, which have no business here. */
export const publicMutation = publicProcedure.use(({ ctx, next }) => {
  assertSameOrigin(ctx);
  return next();
});

/** An operator: signed in to the console, or holding an API token. */
export const operatorProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.operator) fail('AUTH.REQUIRED', 'Sign in to continue.');
  return next({ ctx: { ...ctx, operator: ctx.operator } });
});

/** An operator change: refused for read-only tokens, and for cookie sessions without same-origin proof. */
export const operatorMutation = operatorProcedure.use(({ ctx, next }) => {
  if (ctx.operator.readOnly) fail('AUTH.READ_ONLY', 'This API token is read-only.');
  if (ctx.cookieAuthenticated) assertSameOrigin(ctx);
  return next();
});
