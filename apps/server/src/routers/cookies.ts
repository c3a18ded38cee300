import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Context } from '../trpc/context.ts';

/** Session cookies: HttpOnly, SameSite=Strict, Secure when served over HTTPS (directly or behind a trusted proxy). */
export function sessionCookie(ctx: Pick<Context, 'req'>, expires: Date): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.req.protocol === 'https', expires };
}
