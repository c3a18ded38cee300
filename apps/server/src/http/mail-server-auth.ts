import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { errorBody } from './errors.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}

/**
 * The gate of every mail-server endpoint: `Authorization: Bearer <MAILYARD_MAIL_SERVER_TOKEN>`, an installation-level
 * credential (a mail server serves every organization). Without the token configured the API does not exist (404).
 */
export function mailServerGate(deps: Deps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = deps.config.MAILYARD_MAIL_SERVER_TOKEN;
    if (!token) {
      return reply.code(404).send(errorBody('DISABLED', 'The mail-server API is off: set MAILYARD_MAIL_SERVER_TOKEN to turn it on.'));
    }
    if (!bearerMatches(request.headers.authorization, token)) {
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer realm="mailyard-mail-server"')
        .send(errorBody('AUTH.REQUIRED', 'Present the mail-server token as "Authorization: Bearer <token>".'));
    }
  };
}
