import { errorInfo } from '@mailyard/client';

export { errorInfo };

export type FieldErrors = Record<string, string | undefined>;

/** Issues of a failed zod parse, one sentence list per field (the same words the server would use). */
export function issuesByField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || '_';
    out[field] = out[field] ? `${out[field]} ${issue.message}` : issue.message;
  }
  return out;
}

/**
 * Messages per field split into those the form shows beside its own fields, and a sentence for the rest (or
 * `fallback` when no field matched), so nothing the server or schema said goes unshown.
 */
export function splitFieldErrors(
  byField: Record<string, string | undefined>,
  fields: readonly string[],
  fallback: string | null,
): { fieldErrors: FieldErrors; message: string | null } {
  const fieldErrors: FieldErrors = {};
  const rest: string[] = [];
  for (const [field, message] of Object.entries(byField)) {
    if (!message) continue;
    if (fields.includes(field)) fieldErrors[field] = message;
    else rest.push(message);
  }
  const matched = Object.keys(fieldErrors).length > 0;
  return { fieldErrors, message: rest.length > 0 ? rest.join(' ') : matched ? null : fallback };
}

/** The server's refusal, split for a form with `fields`. */
export function splitServerError(error: unknown, fields: readonly string[]): { fieldErrors: FieldErrors; message: string | null } {
  const info = errorInfo(error);
  const byField = Object.fromEntries(Object.entries(info.fieldErrors).map(([f, messages]) => [f, messages.join(' ')]));
  return splitFieldErrors(byField, fields, info.message);
}

