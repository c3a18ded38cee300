import { z } from 'zod';
import { text } from '../text/well-formed.ts';
import type { AccessAction } from './schemas.ts';
import { ipAddress } from './schemas.ts';

/** The services a mail server names when it asks about a sign-in (Dovecot's `%s`), and the action each one is. */
export const MAIL_SIGN_IN_SERVICES = { imap: 'IMAP', smtp: 'SMTP', submission: 'SMTP' } as const satisfies Record<string, AccessAction>;
export type MailSignInService = keyof typeof MAIL_SIGN_IN_SERVICES;
const services = Object.keys(MAIL_SIGN_IN_SERVICES) as [MailSignInService, ...MailSignInService[]];

/**
 * A mail server's question: may this login (any address of a user) sign in with this password, to this service, from
 * this client address? Dovecot asks it for the users whose password is not Mailyard's (directory users).
 */
export const MailSignInInput = z.object({
  login: text().trim().min(1, 'Login is required.').max(254, 'Login must be at most 254 characters.'),
  password: text().min(1, 'Password is required.').max(256, 'Password must be at most 256 characters.'),
  service: z.enum(services, { error: `Service must be one of ${services.join(', ')}.` }),
  /** Unknown to the mail server (a local client): `null`, which lies in no range of a rule. */
  remoteIp: ipAddress.nullish(),
});
export type MailSignInInput = z.infer<typeof MailSignInInput>;
