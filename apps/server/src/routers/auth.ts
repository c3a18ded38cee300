import { SignInInput } from '@mailyard/core/auth';
import { OPERATOR_COOKIE } from '../trpc/context.ts';
import { guessable } from '../trpc/guesses.ts';
import { operatorMutation, publicMutation, publicProcedure, router } from '../trpc/init.ts';
import { signInOperator } from '../services/auth/operator-sign-in.ts';
import { signOutOperator } from '../services/auth/operator-session.ts';
import { clearSessionCookie, sessionCookie } from './cookies.ts';

export const authRouter = router({
  signIn: publicMutation.meta(guessable).input(SignInInput).mutation(async ({ ctx, input }) => {
    const result = await signInOperator(ctx.deps, input, { ip: ctx.ip, userAgent: ctx.req.headers['user-agent'] ?? null });
    ctx.res.setCookie(OPERATOR_COOKIE, result.sessionToken, sessionCookie(ctx, result.expiresAt));
    return { operator: result.operator };
  }),

  signOut: operatorMutation.mutation(async ({ ctx }) => {
    if (ctx.operatorSessionToken) await signOutOperator(ctx.deps, ctx.operator, ctx.operatorSessionToken);
    clearSessionCookie(ctx, OPERATOR_COOKIE);
    return { ok: true };
  }),

  me: publicProcedure.query(({ ctx }) =>
    ctx.operator ? { email: ctx.operator.label, accountId: ctx.operator.accountId, via: ctx.operator.via } : null,
  ),
});
