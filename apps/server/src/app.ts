import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { ping } from '@mailyard/db';
import { awsPlugin } from './aws/plugin.ts';
import type { Deps } from './deps.ts';
import { activeSyncRoutes } from './http/activesync.ts';
import { mailServerDkimRoutes } from './http/mail-server-dkim.ts';
import { mailServerMailboxKeyRoutes } from './http/mail-server-mailbox-key.ts';
import { mailServerSignInRoutes } from './http/mail-server-sign-in.ts';
import { mailServerUsageRoutes } from './http/mail-server-usage.ts';
import { httpLimits } from './platform/http-limits.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { registerServerTiming } from './platform/server-timing.ts';
import { appDist, registerApps } from './platform/static.ts';
import { trpcRoutes } from './trpc/route.ts';

export interface AppOptions {
  /** Directories of the built apps; defaults to `apps/admin/dist` and `apps/portal/dist`. */
  appDirs?: { admin: string; portal: string };
  logger?: boolean;
}

/**
 * The HTTP surface: /trpc, the mail-server and device endpoints, /healthz and the two apps. Starts nothing else (the
 * caller owns the worker).
 */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const server = Fastify({
    logger: options.logger ? { level: deps.config.MAILYARD_LOG_LEVEL } : false,
    trustProxy: deps.config.MAILYARD_TRUST_PROXY,
    ...httpLimits(deps.config),
    routerOptions: { maxParamLength: 5000 },
  });
  registerServerTiming(server);
  await registerSecurityHeaders(server, { https: deps.config.MAILYARD_TRUST_PROXY });
  await server.register(fastifyCookie);
  await server.register(trpcRoutes(deps), { prefix: '/trpc' });

  await server.register(mailServerUsageRoutes(deps));
  await server.register(mailServerDkimRoutes(deps));
  await server.register(mailServerSignInRoutes(deps));
  await server.register(mailServerMailboxKeyRoutes(deps));
  await server.register(activeSyncRoutes(deps));

  await server.register(awsPlugin, { prefix: '/aws', deps });

  server.get('/healthz', async (_req, reply) => {
    const started = performance.now();
    try {
      await ping(deps.db);
      return { status: 'ok', database: 'ok', databaseMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch (error) {
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable', error: String(error) });
    }
  });

  await registerApps(server, options.appDirs ?? { admin: appDist('admin'), portal: appDist('portal') });
  return server;
}
