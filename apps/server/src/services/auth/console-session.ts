import { fail } from '@mailyard/core/errors';
import type { OperatorActor } from '../actor.ts';

/**
 * Credentials are managed from a console session only: a leaked API token (or access key) must not mint itself
 * successors, long-lived AWS credentials, or revoke the credential that would replace it. `message` says what is
 * managed in the console.
 */
export function requireConsoleSession(actor: OperatorActor, message: string): void {
  if (actor.via !== 'session') fail('AUTH.SESSION_REQUIRED', message);
}
