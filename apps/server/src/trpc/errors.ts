import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { isDomainError, type ErrorKind } from '@mailyard/core/errors';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@mailyard/db';

/** Domain error kinds → tRPC codes (and so HTTP statuses). The one place this mapping lives. */
export const trpcCodeForKind: Record<ErrorKind, TRPC_ERROR_CODE_KEY> = {
  invalid: 'BAD_REQUEST',
  unauthenticated: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  state: 'PRECONDITION_FAILED',
  limit: 'UNPROCESSABLE_CONTENT',
  rate_limited: 'TOO_MANY_REQUESTS',
};

export type FieldErrors = Record<string, string[]>;

/** The `data` every error response carries besides tRPC's own: the domain code, its facts, and errors per field. */
export interface MailyardErrorData {
  domainCode: string | null;
  details: Record<string, unknown> | null;
  fieldErrors: FieldErrors | null;
}

export function errorData(cause: unknown): MailyardErrorData {
  if (isDomainError(cause)) {
    const { field, ...details } = cause.details;
    return {
      domainCode: cause.code,
      details,
      fieldErrors: typeof field === 'string' ? { [field]: [cause.message] } : null,
    };
  }
  const issues = (cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues;
  if (Array.isArray(issues)) {
    const fieldErrors: FieldErrors = {};
    for (const issue of issues) {
      const path = issue.path.map(String).join('.') || '_';
      (fieldErrors[path] ??= []).push(issue.message);
    }
    return { domainCode: 'VALIDATION', details: null, fieldErrors };
  }
  return { domainCode: null, details: null, fieldErrors: null };
}

/** The message a person reads: for input errors, every field and rule rather than tRPC's JSON dump. */
export function errorMessage(cause: unknown, fallback: string): string {
  const data = errorData(cause);
  if (data.domainCode === 'VALIDATION' && data.fieldErrors && !isDomainError(cause)) {
    return Object.entries(data.fieldErrors)
      .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
      .join('; ');
  }
  return fallback;
}

/**
 * A request that failed only because PostgreSQL could not be reached becomes a 503 the client may retry, never a
 * 500: the operation's transaction did not commit (or, when the connection dropped during COMMIT, the retry finds
 * what it made). Anything else is returned unchanged.
 */
export function unavailableOr(error: unknown): unknown {
  if (error instanceof TRPCError && error.code === 'SERVICE_UNAVAILABLE') return error;
  return isDatabaseUnavailable(error) ? new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, cause: error }) : error;
}
