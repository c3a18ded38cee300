import { fail } from '@mailyard/core/errors';
import type { OperatorActor } from '../actor.ts';

/**
 * Tokens are managed from a console session only: a leaked token must not be able to mint itself
 * successors or revoke the token that would replace it.
 */
export function requireConsoleSession(actor: OperatorActor): void {
  if (actor.via !== 'session') {
    fail('AUTH.SESSION_REQUIRED', 'API tokens are managed in the console: sign in to create, list or revoke them.');
  }
}
