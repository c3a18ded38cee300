import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPCError } from '@trpc/server';
import { isDomainError } from '@mailyard/core/errors';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { errorData, errorMessage, trpcCodeForKind } from '../trpc/errors.ts';

/** The error body of the plain HTTP endpoints (mail servers, devices): what tRPC clients read in `data`, flattened. */
export interface HttpErrorBody {
  status: 'error';
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

export const errorBody = (code: string, message: string, fieldErrors?: Record<string, string[]> | null): HttpErrorBody =>
  fieldErrors ? { status: 'error', code, message, fieldErrors } : { status: 'error', code, message };

/**
 * Error handler of the plain HTTP endpoints. Domain errors get the status their kind has over tRPC (one mapping),
 * input errors a 400 naming each field; Fastify's own refusals (bad JSON, wrong media type, too large) keep their
 * status. Anything else is ours: logged, answered 500 without details.
 */
export function jsonErrorHandler(deps: Deps) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const data = errorData(error);
    if (isDomainError(error)) {
      const status = getHTTPStatusCodeFromError(new TRPCError({ code: trpcCodeForKind[error.kind] }));
      const retryAfter = error.details.retryAfterSeconds;
      if (typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
      return reply.code(status).send(errorBody(error.code, error.message, data.fieldErrors));
    }
    if (data.domainCode === 'VALIDATION') return reply.code(400).send(errorBody('VALIDATION', errorMessage(error, error.message), data.fieldErrors));
    if (error.statusCode && error.statusCode < 500) return reply.code(error.statusCode).send(errorBody(error.code ?? 'BAD_REQUEST', error.message));
    deps.log.error(`${request.method} ${request.url} failed`, { error });
    return reply.code(500).send(errorBody('INTERNAL', 'Something went wrong on our side. Try again; if it persists, check the server log.'));
  };
}
