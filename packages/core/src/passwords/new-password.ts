import { z } from 'zod';
import { passwordSchema } from './policy.ts';
import { text } from '../text/well-formed.ts';

export const PASSWORDS_DO_NOT_MATCH = 'Passwords do not match.';

/** Spread into an object schema that sets a password, then apply `refinePasswordsMatch`. */
export const newPasswordFields = {
  password: passwordSchema,
  repeatPassword: text(),
};

/**
 * Adds "Passwords do not match." on `repeatPassword`. `when` makes the check run even while other fields
 * (or the password's own policy) have issues, so a form shows every problem at once.
 */
export function refinePasswordsMatch<T extends z.ZodType<{ password: string; repeatPassword: string }>>(schema: T) {
  return schema.refine((v) => v.password === v.repeatPassword, {
    message: PASSWORDS_DO_NOT_MATCH,
    path: ['repeatPassword'],
    when: (payload) => {
      const v = payload.value as { password?: unknown; repeatPassword?: unknown } | undefined;
      return typeof v?.password === 'string' && typeof v.repeatPassword === 'string';
    },
  });
}

/** Password + repeat, on their own (the self-service change form, the reset dialog). */
export const NewPasswordInput = refinePasswordsMatch(z.object(newPasswordFields));
export type NewPasswordInput = z.infer<typeof NewPasswordInput>;
