import { DomainError, type ErrorDetails } from './domain-error.ts';
import type { ErrorCode } from './codes.ts';

/**
 * What a rule returns instead of throwing: the rules stay pure and testable, and a caller checking many
 * entities (bulk enable, CSV dry run) can collect refusals per row before deciding to throw.
 */
export interface Refusal {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export const refusal = (code: ErrorCode, message: string, details?: ErrorDetails): Refusal =>
  details === undefined ? { code, message } : { code, message, details };

/** Throws the refusal as a DomainError; does nothing for `null`. */
export function failIf(refused: Refusal | null): void {
  if (refused) throw new DomainError(refused.code, refused.message, refused.details);
}
