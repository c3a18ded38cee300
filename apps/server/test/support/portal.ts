import type { Deps } from '../../src/deps.ts';
import type { OperatorActor } from '../../src/services/actor.ts';
import { resolveUserSession } from '../../src/services/portal/session.ts';
import { appRouter } from '../../src/trpc/app-router.ts';
import { PORTAL_COOKIE, type Context } from '../../src/trpc/context.ts';
import { createCallerFactory } from '../../src/trpc/init.ts';
import { callerFor } from './caller.ts';
import { createActiveOrganization, createEnabledUser, PASSWORD } from './users.ts';

const createCaller = createCallerFactory(appRouter);

/**
 * A browser of the portal, without the socket: it keeps the portal cookie the server sets, and every call
 * builds its context as the HTTP adapter does — the session is resolved (and the account's state checked)
 * on each request, not once.
 */
export function portalBrowser(deps: Deps, options: { ip?: string; token?: string | null } = {}) {
  const jar = { token: options.token ?? null };
  const ip = options.ip ?? '127.0.0.1';
  const context = async () => {
    const session = jar.token ? await resolveUserSession(deps, jar.token) : null;
    return {
      deps,
      req: { headers: { host: 'localhost', 'content-type': 'application/json' }, method: 'POST', protocol: 'http', cookies: {}, ip },
      res: {
        setCookie(name: string, value: string) {
          if (name === PORTAL_COOKIE) jar.token = value;
        },
        clearCookie(name: string) {
          if (name === PORTAL_COOKIE) jar.token = null;
        },
      },
      ip,
      operator: null,
      operatorSessionToken: null,
      user: session?.actor ?? null,
      userAccount: session?.account ?? null,
      userSessionToken: session ? jar.token : null,
      cookieAuthenticated: session !== null,
    } as unknown as Context;
  };
  const browser = createCaller(context);
  jars.set(browser, jar);
  return browser;
}
export type PortalBrowser = ReturnType<typeof portalBrowser>;

/** The caller is a proxy over procedure paths, so its cookie is kept beside it. */
const jars = new WeakMap<object, { token: string | null }>();
/** The portal cookie the browser holds now (`null` once signed out). */
export const portalCookie = (browser: PortalBrowser) => jars.get(browser)!.token;

export interface PortalUser {
  organizationId: string;
  domain: string;
  userId: string;
  name: string;
  email: string;
  password: string;
}

/** An enabled user (with a mailbox) of a new Active organization, or of `organization` when given. */
export async function createPortalUser(
  deps: Deps,
  operator: OperatorActor,
  organization?: { organizationId: string; domain: string },
): Promise<PortalUser> {
  const org = organization ?? (await createActiveOrganization(deps, operator));
  const { userId, name } = await createEnabledUser(deps, operator, org.organizationId);
  return { ...org, userId, name, email: `${name}@${org.domain}`, password: PASSWORD };
}

/** A browser signed in as `user`. */
export async function signedIn(deps: Deps, user: { email: string; password: string }, options: { ip?: string } = {}): Promise<PortalBrowser> {
  const browser = portalBrowser(deps, options);
  await browser.portal.signIn({ email: user.email, password: user.password });
  return browser;
}

/** Lets users of the organization add their own aliases. */
export async function allowSelfServiceAliases(
  deps: Deps,
  operator: OperatorActor,
  organizationId: string,
  policy: { domains?: string[]; maxPerUser?: number; localPartPattern?: string | null } = {},
): Promise<void> {
  await callerFor(deps, operator).portalAdmin.setAliasPolicy({
    organizationId,
    policy: { allowed: true, domains: policy.domains ?? [], maxPerUser: policy.maxPerUser ?? 5, localPartPattern: policy.localPartPattern ?? null },
  });
}
