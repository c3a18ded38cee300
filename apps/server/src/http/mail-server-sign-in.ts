import { MailSignInInput } from '@mailyard/core/access-control';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../deps.ts';
import { verifyMailSignIn } from '../services/auth/mail-sign-in.ts';
import { jsonErrorHandler } from './errors.ts';
import { mailServerGate } from './mail-server-auth.ts';

/**
 * `POST /api/mail-server/sign-in`: Dovecot's checkpassword script (deploy/dovecot/directory-sign-in.sh) asks whether
 * `{ login, password, service, remoteIp }` may sign in, for the directory users its SQL passdb cannot check. Answers
 * `{ user }`, the mailbox to open, or the refusal with its code (AUTH.INVALID_CREDENTIALS, AUTH.ACCOUNT_UNAVAILABLE,
 * ACCESS.DENIED_BY_RULES, AUTH.RATE_LIMITED; a directory that does not answer is DIRECTORY.UNREACHABLE).
 */
export function mailServerSignInRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(jsonErrorHandler(deps));
    app.post('/api/mail-server/sign-in', { bodyLimit: 4096, preHandler: mailServerGate(deps) }, async (request) =>
      verifyMailSignIn(deps, MailSignInInput.parse(request.body)),
    );
  };
}
