import { createHash, timingSafeEqual } from 'node:crypto';
import { MailServerUsageReport } from '@mailyard/core/mailboxes';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../deps.ts';
import { recordUsageReports } from '../services/mailboxes/record-usage.ts';
import { errorBody, jsonErrorHandler } from './errors.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}

/**
 * `POST /api/mail-server/usage`: the mail servers (Dovecot's quota, a cron job) report mailbox sizes, up to 1000 per
 * request, as `{ reports: [{ address, usageBytes }] }`, with `Authorization: Bearer <MAILYARD_MAIL_SERVER_TOKEN>`.
 * Answers `{ recorded, unknown }`. Without the token configured the API does not exist (404).
 */
export function mailServerUsageRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(jsonErrorHandler(deps));
    app.post('/api/mail-server/usage', { bodyLimit: 1024 * 1024 }, async (request, reply) => {
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
      return recordUsageReports(deps, MailServerUsageReport.parse(request.body));
    });
  };
}
