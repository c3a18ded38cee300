import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { errorInfo, mailyardError, type MailyardErrorInfo } from '@mailyard/client';

export { errorInfo, type MailyardErrorInfo };

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
 * Where a server field error goes on a form: the form's fields named as the server names them, or a map from the
 * server's field path (and the error) to a form field, undefined for one the form does not have.
 */
export type FieldTargets<T extends FieldValues> = readonly FieldPath<T>[] | ((serverField: string, error: MailyardErrorInfo) => FieldPath<T> | undefined);

function fieldErrorsOn<T extends FieldValues>(error: unknown, fields: FieldTargets<T>): [FieldPath<T>, string][] {
  const info = errorInfo(error);
  const target = typeof fields === 'function' ? fields : (field: string) => (fields as readonly string[]).includes(field) ? (field as FieldPath<T>) : undefined;
  return fieldErrorsFrom(error).flatMap(([field, message]) => {
    const on = target(field, info);
    return on ? [[on, message] as [FieldPath<T>, string]] : [];
  });
}

/**
 * Puts the server's field errors on the form's fields (the first one focused) and returns whether any
 * matched; errors on fields the form does not have are left for the caller to show in an alert.
 */
export function applyFieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: FieldTargets<T>): boolean {
  const errors = fieldErrorsOn(error, fields);
  errors.forEach(([field, message], i) => setError(field, { type: 'server', message }, { shouldFocus: i === 0 }));
  return errors.length > 0;
}

/**
 * A form sent through a mutation (`handleSubmit(send)`): the server's field errors go on the form's `fields`, and any
 * other failure is `failure`, for the form's alert. It is the mutation's own error, so the next attempt clears it.
 */
export function formMutation<T extends FieldValues, V>(
  mutation: { mutate(values: V, options: { onError(error: unknown): void }): void; error: unknown },
  setError: UseFormSetError<T>,
  fields: FieldTargets<T>,
): { send(values: V): void; failure: MailyardErrorInfo | null } {
  const { error } = mutation;
  return {
    send: (values) => mutation.mutate(values, { onError: (e) => applyFieldErrors(e, setError, fields) }),
    failure: error != null && fieldErrorsOn(error, fields).length === 0 ? errorInfo(error) : null,
  };
}
