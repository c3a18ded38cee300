import { errorKinds, type ErrorCode, type ErrorKind } from './codes.ts';

/** Facts a message needs, kept structured so each edge can word it (console, portal, /aws). */
export interface ErrorDetails {
  /** The input field the error is about, as a path (`email`, `rows.3.password`). */
  field?: string;
  [fact: string]: unknown;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly kind: ErrorKind;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.kind = errorKinds[code];
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** Shorthand used by the rules: `fail('USER.NAME_TAKEN', 'User name "x" is already in use', { field: 'name' })`. */
export function fail(code: ErrorCode, message: string, details?: ErrorDetails): never {
  throw new DomainError(code, message, details);
}
