import { z } from 'zod';
import { text } from '../text/well-formed.ts';

export const SignInInput = z.object({
  email: text().trim().min(1, 'Email is required.').max(254, 'Email must be at most 254 characters.').email('Enter a valid email address.'),
  password: text().min(1, 'Password is required.').max(256, 'Password must be at most 256 characters.'),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** Sign-in throttling: failures per address, and attempts per client address, in a 15-minute window. */
export const SIGN_IN_LIMITS = { perAddress: 5, perIp: 30, windowMinutes: 15 } as const;

/** An operator session lasts 12 hours of inactivity at most, and is extended while used. */
export const OPERATOR_SESSION_HOURS = 12;
