import type { Deps } from '../../src/deps.ts';
import type { OperatorActor } from '../../src/services/actor.ts';
import { appRouter } from '../../src/trpc/app-router.ts';
import type { Context } from '../../src/trpc/context.ts';
import { createCallerFactory } from '../../src/trpc/init.ts';

const createCaller = createCallerFactory(appRouter);

export interface FakeResponse {
  cookies: Record<string, { value: string; options: unknown }>;
}

/**
 * A tRPC caller with the context the HTTP adapter would build: same procedures, middlewares and error
 * mapping, without the socket. The request looks like a same-origin JSON POST from `ip`.
 */
export function callerFor(deps: Deps, operator: OperatorActor | null, options: { ip?: string; sessionToken?: string } = {}) {
  const response: FakeResponse = { cookies: {} };
  const req = {
    headers: { host: 'localhost', 'content-type': 'application/json', 'user-agent': 'vitest' },
    method: 'POST',
    protocol: 'http',
    cookies: {},
    ip: options.ip ?? '127.0.0.1',
  };
  const res = {
    setCookie(name: string, value: string, opts: unknown) {
      response.cookies[name] = { value, options: opts };
    },
    clearCookie(name: string) {
      delete response.cookies[name];
    },
  };
  const ctx = {
    deps,
    req,
    res,
    ip: req.ip,
    operator,
    operatorSessionToken: options.sessionToken ?? null,
    cookieAuthenticated: false,
  } as unknown as Context;
  const caller = createCaller(ctx);
  responses.set(caller, response);
  return caller;
}

/** The cookies a call set (the caller is a proxy over procedure paths, so they are kept beside it). */
const responses = new WeakMap<object, FakeResponse>();
export const cookiesSetBy = (caller: object) => responses.get(caller)!.cookies;
