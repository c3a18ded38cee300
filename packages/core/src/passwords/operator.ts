import { text } from '../text/well-formed.ts';

/**
 * An operator's console password (the first operator's comes from MAILYARD_ADMIN_PASSWORD). It guards the console,
 * not a mailbox, so the directory's policy (Latin-1 characters, three groups, fewer than 64 characters) does not
 * apply: only a length, long enough for a passphrase from a password manager.
 */
export const OPERATOR_PASSWORD_MIN_LENGTH = 8;
export const OPERATOR_PASSWORD_MAX_LENGTH = 256;

export const operatorPasswordSchema = text()
  .min(OPERATOR_PASSWORD_MIN_LENGTH, `must be at least ${OPERATOR_PASSWORD_MIN_LENGTH} characters`)
  .max(OPERATOR_PASSWORD_MAX_LENGTH);
