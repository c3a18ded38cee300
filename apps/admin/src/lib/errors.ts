import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { mailyardError, type MailyardErrorInfo } from '@mailyard/client';

export type { MailyardErrorInfo };

/** What a person reads for any failed call, API or network. */
export function errorInfo(error: unknown): MailyardErrorInfo {
  return (
    mailyardError(error) ?? {
      code: null,
      message: error instanceof Error && error.message ? error.message : 'The request failed. Check your connection and try again.',
      fieldErrors: {},
      details: {},
      httpStatus: null,
    }
  );
}

/** The session is gone (expired or signed out): not a wrong password on the sign-in form. */
export function isSessionEnded(error: unknown): boolean {
  const info = mailyardError(error);
  return info !== null && info.httpStatus === 401 && info.code !== 'AUTH.INVALID_CREDENTIALS';
}

/** Server field errors as `[field, message]` pairs for react-hook-form's `setError`, in input order. */
export function fieldErrorsFrom(error: unknown): [field: string, message: string][] {
  const info = mailyardError(error);
  if (!info) return [];
  return Object.entries(info.fieldErrors)
    .filter(([, messages]) => messages.length > 0)
    .map(([field, messages]) => [field, messages.join(' ')]);
}

/**
 * Puts the server's field errors on the form's fields (the first one focused) and returns whether any
 * matched; errors on fields the form does not have are left for the caller to show in an alert.
 */
export function applyFieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly FieldPath<T>[]): boolean {
  let first = true;
  for (const [field, message] of fieldErrorsFrom(error)) {
    if (!(fields as readonly string[]).includes(field)) continue;
    setError(field as FieldPath<T>, { type: 'server', message }, { shouldFocus: first });
    first = false;
  }
  return !first;
}
