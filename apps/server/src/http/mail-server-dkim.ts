import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../deps.ts';
import { signingKeys } from '../services/mail-domains/signing-keys.ts';
import { jsonErrorHandler } from './errors.ts';
import { mailServerGate } from './mail-server-auth.ts';

/**
 * `GET /api/mail-server/dkim-keys`: the DKIM signer's keys, for the mail servers only (the mail-server token), as
 * `{ keys: [{ domain, selector, privateKey }] }` (PKCS#8 PEM). `scripts/mail-server/opendkim-sync.sh` turns it into
 * OpenDKIM's tables and key files. Never cached: the answer holds private keys.
 */
export function mailServerDkimRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(jsonErrorHandler(deps));
    app.get('/api/mail-server/dkim-keys', { preHandler: mailServerGate(deps) }, async (_request, reply) => {
      void reply.header('Cache-Control', 'no-store');
      return { keys: await signingKeys(deps.db, deps.masterKey) };
    });
  };
}
