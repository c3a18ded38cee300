import { createTRPCClient, httpBatchLink, TRPCClientError, type TRPCLink } from '@trpc/client';
import type { AppRouter } from '@mailyard/server/router';
import superjson from 'superjson';

export type { AppRouter };

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
}

/**
 * A tRPC client typed by the server's router. Types only: nothing of the server's runtime or database
 * code is imported. Calls made in the same tick are batched into one HTTP request.
 */
export function createMailyardClient(options: MailyardClientOptions) {
  const baseFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return createTRPCClient<AppRouter>({
    links: [
      ...(options.links ?? []),
      httpBatchLink({
        url: options.url,
        transformer: superjson,
        maxURLLength: 4000,
        headers: () => (options.token ? { authorization: `Bearer ${options.token}` } : {}),
        fetch: (input, init) => baseFetch(input, { ...(init as RequestInit), signal: AbortSignal.timeout(timeoutMs) }),
      }),
    ],
  });
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

export { TRPCClientError };
