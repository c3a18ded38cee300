import { z } from 'zod';
import type { EntityState } from '../entities/state.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';
import { servesMail, type OrganizationState } from '../organizations/state.ts';
import { ACCOUNT_UNAVAILABLE_MESSAGE } from '../portal/rules.ts';
import { text } from '../text/well-formed.ts';
import type { UserRole } from '../users/roles.ts';
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

/**
 * Who may open a mailbox at the mail servers once the password is right: an enabled person (not a system user or a
 * resource) of an organization whose mail flows (`servesMail`: Impaired too, so a directory back from an outage is not
 * taken for a wrong password until the next sync). The twin of `mailserver.v1_logins.enabled`.
 */
export function mailSignInRefusal(account: { state: EntityState; role: UserRole; organizationState: OrganizationState }): Refusal | null {
  const usable = account.state === 'ENABLED' && account.role === 'USER' && servesMail(account.organizationState);
  return usable ? null : refusal('AUTH.ACCOUNT_UNAVAILABLE', ACCOUNT_UNAVAILABLE_MESSAGE);
}
