import { createTRPCClient, localLink, type TRPCLink } from '@trpc/client';
import type { MailyardClient } from '../services/migration/engine/client.ts';
import type { Deps } from '../deps.ts';
import type { OperatorActor } from '../services/actor.ts';
import { appRouter, type AppRouter } from './app-router.ts';
import type { Context } from './context.ts';
import { transformer } from './transformer.ts';

/**
 * The typed client of scripts, in process: every call runs the router's procedure (its schema, its checks, its
 * service and audit) as `actor`, without HTTP. A job acting for the operator who started it uses this, so what it
 * changes is changed exactly as that operator's own calls would (a read-only or narrowed credential stays so).
 * `links` go before it (a test's fault injection).
 */
export function localMailyardClient(deps: Deps, actor: OperatorActor, links: TRPCLink<AppRouter>[] = []): MailyardClient {
  const client = createTRPCClient<AppRouter>({
    links: [
      ...links,
      localLink({
        router: appRouter,
        transformer,
        createContext: async () => localContext(deps, actor),
      }),
    ],
  });
  // The same router: the client package types it from the router's built declarations, this from its source.
  return client as unknown as MailyardClient;
}

/** No request: no cookie (so no CSRF check applies), no portal user, the job as the caller's address. */
function localContext(deps: Deps, actor: OperatorActor): Context {
  return {
    deps,
    req: { headers: {}, method: 'POST', protocol: 'http', ip: '127.0.0.1', cookies: {} } as unknown as Context['req'],
    res: {} as Context['res'],
    ip: '127.0.0.1',
    operator: actor,
    operatorSessionToken: null,
    user: null,
    userAccount: null,
    userSessionToken: null,
    cookieAuthenticated: false,
  };
}
