import type { IncomingMessage } from 'node:http';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { resolveResponse } from '@trpc/server/http';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../deps.ts';
import { safeErrorMessage } from '../platform/log.ts';
import { appRouter } from './app-router.ts';
import { contextFactory } from './context.ts';

/**
 * `/trpc/:path`: tRPC's Fastify adapter, but answering with one buffer. The adapter hands Fastify tRPC's fetch
 * `Response`, whose body Fastify then pipes as a web stream, in chunks, with a stream per request: for a JSON answer
 * already whole in memory that was a good share of a list call's CPU. Here the body is read once and sent with its
 * length. (No procedure streams: the clients use tRPC's batching link, not the streaming one.)
 */
export function trpcRoutes(deps: Deps): FastifyPluginAsync {
  const createContext = contextFactory(deps);
  return async (app) => {
    // tRPC parses request bodies itself (as the adapter does, inside this plugin's scope only).
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    app.all<{ Params: { path: string } }>('/:path', async (request, reply) => {
      const raw = request.raw as IncomingMessage & { body?: unknown };
      if (request.body !== undefined) raw.body = request.body;
      const response = await resolveResponse({
        router: appRouter,
        req: incomingMessageToRequest(raw, reply.raw, { maxBodySize: null }),
        path: request.params.path,
        error: null,
        createContext: ({ info }) => createContext({ req: request, res: reply, info }),
        onError({ error, path }) {
          if (error.code === 'INTERNAL_SERVER_ERROR') deps.log.error(`tRPC ${path ?? '?'} failed`, { error: error.cause ?? error });
          if (error.code === 'SERVICE_UNAVAILABLE') deps.log.warn(`tRPC ${path ?? '?'}: the database is unavailable: ${safeErrorMessage(error.cause)}`);
        },
      });
      const body = Buffer.from(await response.arrayBuffer());
      response.headers.forEach((value, name) => void reply.header(name, value));
      return reply.code(response.status).send(body);
    });
  };
}
