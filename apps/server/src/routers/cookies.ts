import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Context } from '../trpc/context.ts';

/** Session cookies: HttpOnly, SameSite=Strict, Secure when served over HTTPS (directly or behind a trusted proxy). */
export function sessionCookie(ctx: Pick<Context, 'req'>, expires: Date): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.req.protocol === 'https', expires };
}

/**
 * Signing out: the session cookie is cleared with the attributes it was set with, so the clearing header is no weaker
 * (readable by scripts, sent cross-site, or over plain HTTP) than the cookie it replaces.
 */
export function clearSessionCookie(ctx: Pick<Context, 'req' | 'res'>, name: string): void {
  const { expires: _expires, ...attributes } = sessionCookie(ctx, new Date(0));
  ctx.res.clearCookie(name, attributes);
}
