import { TRPCError } from '@trpc/server';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import { isDomainError } from '@mailyard/core/errors';
import type { PortalAccount } from '@mailyard/db/queries/portal-accounts';
import type { Config } from '../config.ts';
import type { Deps } from '../deps.ts';
import type { OperatorActor, UserActor } from '../services/actor.ts';
import { authenticateApiToken } from '../services/api-tokens/authenticate.ts';
import { resolveOperatorSession } from '../services/auth/operator-session.ts';
import { resolveUserSession } from '../services/portal/session.ts';
import { trpcCodeForKind, unavailableOr } from './errors.ts';
import { refuseBatchedGuesses } from './guesses.ts';

export const OPERATOR_COOKIE = 'mailyard_admin';
/** The self-service portal's session: a cookie and a table of its own, never an operator's. */
export const PORTAL_COOKIE = 'mailyard_portal';

export interface Context {
  deps: Deps;
  req: CreateFastifyContextOptions['req'];
  res: CreateFastifyContextOptions['res'];
  ip: string;
  operator: OperatorActor | null;
  /** The raw operator session token, for sign-out. */
  operatorSessionToken: string | null;
  /** The end user signed in to the portal (state re-checked on this request). */
  user: UserActor | null;
  /** That user's account as read with the session, so procedures need not read it again. */
  userAccount: PortalAccount | null;
  /** The raw portal session token, for sign-out and "end my other sessions". */
  userSessionToken: string | null;
  /** Whether the request carries a credential a browser attaches by itself (a cookie): mutations then need CSRF proof. */
  cookieAuthenticated: boolean;
}

/**
 * A cookie-authenticated mutation must come from our own pages. Browsers send `Sec-Fetch-Site` and `Origin`
 * on cross-site requests; tRPC mutations are JSON POSTs, which a cross-site form cannot forge, and CORS is
 * not enabled. Together with SameSite=Strict cookies that closes CSRF. An Origin must be this site's, scheme
 * included (an https page is another origin than the http site): MAILYARD_PUBLIC_URL's, or else the request's own.
 */
export function isSameOrigin(req: CreateFastifyContextOptions['req'], config: Pick<Config, 'MAILYARD_PUBLIC_URL'>): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin) {
    const own = publicOrigin(req, config);
    if (own === null || originOf(origin) !== own) return false;
  }
  const type = req.headers['content-type'] ?? '';
  return req.method !== 'POST' || type.startsWith('application/json');
}

/** `scheme://host[:port]` of this site as browsers name it in `Origin`. */
const publicOrigin = (req: CreateFastifyContextOptions['req'], config: Pick<Config, 'MAILYARD_PUBLIC_URL'>) =>
  config.MAILYARD_PUBLIC_URL ? originOf(config.MAILYARD_PUBLIC_URL) : originOf(`${req.protocol}://${req.headers.host ?? ''}`);

/** The serialised origin of a URL (`https://a.example:8443`, default ports dropped); `null` for `null` and garbage. */
function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The token of an `Authorization: Bearer …` header (possibly empty), or null when the request has none. */
function bearerToken(req: CreateFastifyContextOptions['req']): string | null {
  const header = req.headers.authorization;
  return header && /^bearer(\s|$)/i.test(header) ? header.slice(6).trim() : null;
}

/**
 * A bad token refuses the whole request, whatever procedure it calls: a script with a revoked token must
 * hear so, not fall back to anonymous. Thrown from here, tRPC answers every call of the batch with it.
 */
async function operatorFromApiToken(deps: Deps, token: string): Promise<OperatorActor> {
  try {
    return await authenticateApiToken(deps, token);
  } catch (error) {
    if (isDomainError(error)) throw new TRPCError({ code: trpcCodeForKind[error.kind], message: error.message, cause: error });
    throw error;
  }
}

/** The request's context; resolving its credentials reads the database, so a lost database answers 503 here too. */
export function contextFactory(deps: Deps) {
  return (options: CreateFastifyContextOptions): Promise<Context> =>
    createContext(deps, options).catch((error: unknown) => {
      throw unavailableOr(error);
    });
}

async function createContext(deps: Deps, { req, res, info }: CreateFastifyContextOptions): Promise<Context> {
  refuseBatchedGuesses(info);
  // A bearer request is authenticated by its token alone: cookies are ignored, so no CSRF proof is needed.
  const bearer = bearerToken(req);
  const token = bearer === null ? (req.cookies[OPERATOR_COOKIE] ?? null) : null;
  const operator =
    bearer !== null ? await operatorFromApiToken(deps, bearer) : token ? await resolveOperatorSession(deps, token) : null;
  const portalToken = bearer === null ? (req.cookies[PORTAL_COOKIE] ?? null) : null;
  const portal = portalToken ? await resolveUserSession(deps, portalToken) : null;
  return {
    deps,
    req,
    res,
    ip: req.ip,
    operator,
    operatorSessionToken: operator ? token : null,
    user: portal?.actor ?? null,
    userAccount: portal?.account ?? null,
    userSessionToken: portal ? portalToken : null,
    cookieAuthenticated: (operator !== null || portal !== null) && bearer === null,
  };
}
