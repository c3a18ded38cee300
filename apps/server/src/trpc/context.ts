import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { Deps } from '../deps.ts';
import type { OperatorActor } from '../services/actor.ts';
import { resolveOperatorSession } from '../services/auth/operator-session.ts';

export const OPERATOR_COOKIE = 'mailyard_admin';

export interface Context {
  deps: Deps;
  req: CreateFastifyContextOptions['req'];
  res: CreateFastifyContextOptions['res'];
  ip: string;
  operator: OperatorActor | null;
  /** The raw operator session token, for sign-out. */
  operatorSessionToken: string | null;
  /** Whether the request carries a credential a browser attaches by itself (a cookie): mutations then need CSRF proof. */
  cookieAuthenticated: boolean;
}

/**
 * A cookie-authenticated mutation must come from our own pages. Browsers send `Sec-Fetch-Site` and `Origin`
 * on cross-site requests; tRPC mutations are JSON POSTs, which a cross-site form cannot forge, and CORS is
 * not enabled. Together with SameSite=Strict cookies that closes CSRF.
 */
export function isSameOrigin(req: CreateFastifyContextOptions['req']): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin && new URL(origin).host !== req.headers.host) return false;
  const type = req.headers['content-type'] ?? '';
  return req.method !== 'POST' || type.startsWith('application/json');
}

export function contextFactory(deps: Deps) {
  return async ({ req, res }: CreateFastifyContextOptions): Promise<Context> => {
    const token = req.cookies[OPERATOR_COOKIE] ?? null;
    const operator = token ? await resolveOperatorSession(deps.db, token, deps.clock()) : null;
    return {
      deps,
      req,
      res,
      ip: req.ip,
      operator,
      operatorSessionToken: operator ? token : null,
      cookieAuthenticated: operator !== null,
    };
  };
}
