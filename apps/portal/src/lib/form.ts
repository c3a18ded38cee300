import { useState } from 'react';
import type { z } from 'zod';
import { issuesByField, splitFieldErrors, splitServerError, type FieldErrors } from './errors.ts';

/**
 * The state of one small form: its values, the refusal per field, and a message for what belongs to no field.
 * Inputs are checked with the same core schema the server uses before anything is sent; a refusal focuses the
 * first field in error (whose message the screen reader then reads with its label).
 */
export function useForm<T extends Record<string, string>>(formId: string, initial: T) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const names = Object.keys(initial);

  const refuse = (fieldErrors: FieldErrors, text: string | null) => {
    setErrors(fieldErrors);
    setMessage(text);
    const first = names.find((n) => fieldErrors[n]);
    if (first) requestAnimationFrame(() => document.getElementById(`${formId}-${first}`)?.focus());
  };

  return {
    values,
    errors,
    message,
    /** Props for a `Field` bound to `name`. */
    field: (name: keyof T & string) => ({
      id: `${formId}-${name}`,
      value: values[name]!,
      error: errors[name],
      onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    }),
    set: (patch: Partial<T>) => setValues((v) => ({ ...v, ...patch })),
    /** The parsed input, or `null` after showing what is wrong. */
    parse<S extends z.ZodType>(schema: S, input: unknown = values): z.infer<S> | null {
      const result = schema.safeParse(input);
      if (result.success) {
        refuse({}, null);
        return result.data;
      }
      const { fieldErrors, message: text } = splitFieldErrors(issuesByField(result.error.issues), names, null);
      refuse(fieldErrors, text);
      return null;
    },
    /** Shows the server's refusal on the fields it names, or as the form's message. */
    fail(error: unknown) {
      const { fieldErrors, message: text } = splitServerError(error, names);
      refuse(fieldErrors, text);
    },
    reset(patch: Partial<T> = {}) {
      setValues({ ...initial, ...patch });
      setErrors({});
      setMessage(null);
    },
  };
}
