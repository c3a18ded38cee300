import { createPrivateKey } from 'node:crypto';
import { dkimHost } from '@mailyard/core/mail-domains';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../deps.ts';
import { signingKeys, type SigningKey } from '../services/mail-domains/signing-keys.ts';
import { jsonErrorHandler } from './errors.ts';
import { mailServerGate } from './mail-server-auth.ts';

const PREFIX = '/api/mail-server/dkim-keys';

/** OpenDKIM's KeyTable line: key name, then `domain:selector:key` with the key inline as base64 DER (no key files). */
const keyTableLine = (k: SigningKey) =>
  `${dkimHost(k.selector, k.domain)} ${k.domain}:${k.selector}:${createPrivateKey(k.privateKey).export({ type: 'pkcs8', format: 'der' }).toString('base64')}`;

/** OpenDKIM's SigningTable (read with `refile:`): every sender of the domain signs with its key. */
const signingTableLine = (k: SigningKey) => `*@${k.domain} ${dkimHost(k.selector, k.domain)}`;

const openDkimTables = { 'opendkim-key-table': keyTableLine, 'opendkim-signing-table': signingTableLine };

/**
 * The DKIM signer's keys, for the mail servers only (the mail-server token): `GET /api/mail-server/dkim-keys` as JSON
 * (`{ keys: [{ domain, selector, privateKey }] }`, PEM, for rspamd or a script), and OpenDKIM's two tables as text
 * (`…/opendkim-key-table`, `…/opendkim-signing-table`). Never cached: the answer holds private keys.
 */
export function mailServerDkimRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(jsonErrorHandler(deps));
    const options = { preHandler: mailServerGate(deps) };
    app.get(PREFIX, options, async (_request, reply) => {
      void reply.header('Cache-Control', 'no-store');
      return { keys: await signingKeys(deps.db, deps.masterKey) };
    });
    for (const [table, line] of Object.entries(openDkimTables)) {
      app.get(`${PREFIX}/${table}`, options, async (_request, reply) => {
        const lines = (await signingKeys(deps.db, deps.masterKey)).map((k) => `${line(k)}\n`);
        return reply.header('Cache-Control', 'no-store').type('text/plain; charset=utf-8').send(lines.join(''));
      });
    }
  };
}
