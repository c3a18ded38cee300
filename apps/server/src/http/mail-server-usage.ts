import { MailServerUsageReport } from '@mailyard/core/mailboxes';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../deps.ts';
import { recordUsageReports } from '../services/mailboxes/record-usage.ts';
import { jsonErrorHandler } from './errors.ts';
import { mailServerGate } from './mail-server-auth.ts';

/**
 * `POST /api/mail-server/usage`: the mail servers (Dovecot's quota, a cron job) report mailbox sizes, up to 1000 per
 * request, as `{ reports: [{ address, usageBytes }] }`. Answers `{ recorded, unknown }`.
 */
export function mailServerUsageRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(jsonErrorHandler(deps));
    app.post('/api/mail-server/usage', { bodyLimit: 1024 * 1024, preHandler: mailServerGate(deps) }, async (request) =>
      recordUsageReports(deps, MailServerUsageReport.parse(request.body)),
    );
  };
}
