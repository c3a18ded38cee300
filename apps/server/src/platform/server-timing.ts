import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';

/** Durations (milliseconds) of the named steps of one request, summed per name. */
type Timings = Map<string, number>;

const current = new AsyncLocalStorage<Timings>();

declare module 'fastify' {
  interface FastifyRequest {
    timings: Timings;
    startedAt: number;
  }
}

/**
 * Times `step` as `name` in the current request's `Server-Timing` header; outside a request it only runs it.
 * Used for the costly step a client cannot tell apart otherwise (argon2), so the browser's network panel and
 * the benchmark see what a request spent on it.
 */
export async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
  const timings = current.getStore();
  if (!timings) return step();
  const started = performance.now();
  try {
    return await step();
  } finally {
    timings.set(name, (timings.get(name) ?? 0) + performance.now() - started);
  }
}

/** Adds `Server-Timing: app;dur=…, argon2;dur=…` to every response: the time in the server, then each timed step (root hooks: every route). */
export function registerServerTiming(server: FastifyInstance): void {
  server.decorateRequest('timings', null as unknown as Timings);
  server.decorateRequest('startedAt', 0);
  server.addHook('onRequest', (request, _reply, done) => {
    request.timings = new Map();
    request.startedAt = performance.now();
    done();
  });
  // The handler runs inside this hook's continuation, so `timed` finds the request's timings.
  server.addHook('preHandler', (request, _reply, done) => current.run(request.timings, done));
  server.addHook('onSend', async (request, reply) => {
    const entries = [['app', performance.now() - request.startedAt] as const, ...request.timings];
    reply.header('server-timing', entries.map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`).join(', '));
  });
}
