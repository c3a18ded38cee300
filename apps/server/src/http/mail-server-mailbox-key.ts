import { MailboxKeyInput } from '@mailyard/core/mailboxes';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../deps.ts';
import { mailboxPrivateKey } from '../services/mailboxes/encryption-key.ts';
import { jsonErrorHandler } from './errors.ts';
import { mailServerGate } from './mail-server-auth.ts';

/**
 * `POST /api/mail-server/mailbox-key`: Dovecot's userdb (deploy/dovecot/mailbox-key.sh) asks, for a session that
 * reads mail, the private key of the mailbox's organization as `{ mailbox }`; answers `{ privateKey }` (base64 of
 * the PEM, null when the organization's mail is not encrypted) or USER.NOT_FOUND (404). Mail-server token only;
 * never cached: the answer is a private key.
 */
export function mailServerMailboxKeyRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(jsonErrorHandler(deps));
    app.post('/api/mail-server/mailbox-key', { bodyLimit: 4096, preHandler: mailServerGate(deps) }, async (request, reply) => {
      void reply.header('Cache-Control', 'no-store');
      return mailboxPrivateKey(deps, MailboxKeyInput.parse(request.body));
    });
  };
}
