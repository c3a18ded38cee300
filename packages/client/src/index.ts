import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError, type TRPCLink } from '@trpc/client';
// The router's type as built declarations (`pnpm --filter @mailyard/client build`), never the server's source.
import type { AppRouter } from '@mailyard/client/router';
import type { ErrorCode } from '@mailyard/core/errors';
import superjson from 'superjson';

export type { AppRouter, ErrorCode };

export interface MailyardClientOptions {
  /** The tRPC endpoint, e.g. `http://127.0.0.1:3000/trpc` (browsers: `/trpc`). */
  url: string;
  /** An API token (`Authorization: Bearer …`); browsers use their session cookie instead. */
  token?: string;
  /** Milliseconds before a request is abandoned. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Extra links before the HTTP link (logging, retries). */
  links?: TRPCLink<AppRouter>[];
  /**
   * Whether calls made in the same tick share one HTTP request (default). tRPC gathers them until the next timer tick,
   * which Node makes a millisecond at least: a script that awaits each call before the next may say `false`, and each
   * call is sent at once as a request of its own.
   */
  batch?: boolean;
}

/**
 * superjson, reading each answer in place: the JSON an answer is parsed into belongs to this call alone, so the
 * deep copy superjson otherwise makes before restoring its Dates is only garbage (8 % of a Node client's CPU in a list
 * call, profiled, and more for the garbage collector).
 */
const wire = {
  serialize: (value: unknown) => superjson.serialize(value),
  deserialize: (payload: Parameters<typeof superjson.deserialize>[0]): unknown => superjson.deserialize(payload, { inPlace: true }),
};

/**
 * The links every Mailyard client uses: superjson, batching, a timeout, and the bearer token when given.
 * The browser apps pass these to their TanStack Query integration, so scripts and apps talk alike.
 */
export function createMailyardLinks(options: MailyardClientOptions): TRPCLink<AppRouter>[] {
  const baseFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const http = {
    url: options.url,
    transformer: wire,
    headers: () => (options.token ? { authorization: `Bearer ${options.token}` } : {}),
    fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      // Keep the caller's abort signal (TanStack Query cancels superseded requests) and add the timeout.
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      return baseFetch(input, { ...init, signal });
    },
  };
  return [...(options.links ?? []), options.batch === false ? httpLink(http) : httpBatchLink({ ...http, maxURLLength: 4000 })];
}

/**
 * A tRPC client typed by the server's router. Types only: nothing of the server's runtime or database
 * code is imported. Calls made in the same tick are batched into one HTTP request (unless `batch: false`).
 */
export function createMailyardClient(options: MailyardClientOptions) {
  return createTRPCClient<AppRouter>({ links: createMailyardLinks(options) });
}

export type MailyardClient = ReturnType<typeof createMailyardClient>;

export interface MailyardErrorInfo {
  /** The domain error code, e.g. `USER.NAME_TAKEN`; `VALIDATION` for input that broke a schema. */
  code: string | null;
  message: string;
  /** Messages per input field path (`email`, `users.2.email`). */
  fieldErrors: Record<string, string[]>;
  details: Record<string, unknown>;
  httpStatus: number | null;
}

/** The domain facts of a failed call, or null when `error` did not come from the API. */
export function mailyardError(error: unknown): MailyardErrorInfo | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = (error.data ?? {}) as {
    domainCode?: string | null;
    fieldErrors?: Record<string, string[]> | null;
    details?: Record<string, unknown> | null;
    httpStatus?: number;
  };
  return {
    code: data.domainCode ?? null,
    message: error.message,
    fieldErrors: data.fieldErrors ?? {},
    details: data.details ?? {},
    httpStatus: data.httpStatus ?? null,
  };
}

/**
 * What a person reads for any failure: the API's facts as `mailyardError` gives them or, for an error that did
 * not come from the API, its own message (a generic one when it has none) with no code or status.
 */
export function errorInfo(error: unknown): MailyardErrorInfo {
  return (
    mailyardError(error) ?? {
      code: null,
      message: error instanceof Error && error.message ? error.message : 'The request failed. Check your connection and try again.',
      fieldErrors: {},
      details: {},
      httpStatus: null,
    }
  );
}

/**
 * Whether `error` came from the API, and (given a code) was refused with that domain code. The code is
 * typechecked against the server's list, so a misspelt `'USER.NAME_TAKN'` fails to compile:
 * `catch (e) { if (isMailyardError(e, 'USER.NAME_TAKEN')) … mailyardError(e)!.fieldErrors.name … }`
 */
export function isMailyardError(error: unknown, code?: ErrorCode): error is TRPCClientError<AppRouter> {
  const info = mailyardError(error);
  return info !== null && (code === undefined || info.code === code);
}

export { TRPCClientError };
