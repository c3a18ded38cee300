import { splitAddress } from '../addresses/address.ts';
import { AliasPolicy, defaultAliasPolicy } from '../addresses/aliases.ts';
import { SIGN_IN_LIMITS } from '../auth/schemas.ts';
import type { EntityState } from '../entities/state.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';
import { servesMail, type OrganizationState } from '../organizations/state.ts';
import type { UserRole } from '../users/roles.ts';

/** A portal session lasts this long without use, and is extended while used. */
export const PORTAL_SESSION_HOURS = 12;

/** A password-reset link works once, for 30 minutes. */
export const RESET_LINK_MINUTES = 30;

/** The code sent to a new recovery address: six digits, valid 15 minutes, five tries. */
export const RECOVERY_CODE_DIGITS = 6;
export const RECOVERY_CODE_MINUTES = 15;
export const RECOVERY_CODE_MAX_ATTEMPTS = 5;

/** Throttles of the portal, shared by every replica (counted in the database). */
export const PORTAL_LIMITS = {
  /** Failed sign-ins per address, and sign-in attempts per client address: the console's numbers (own counters). */
  signIn: SIGN_IN_LIMITS,
  /** "Forgot password" requests per address and per client address. */
  resetRequest: { perAddress: 3, perIp: 10, windowMinutes: 60 },
  /** Reset-link submissions (right or wrong) per client address. */
  resetSubmit: { perIp: 20, windowMinutes: 15 },
  /** Recovery codes sent per user. */
  recoveryCode: { perUser: 5, windowMinutes: 60 },
  /** Wrong current passwords per user (change password, change recovery address). */
  currentPassword: { perUser: 5, windowMinutes: 15 },
  /** Reset links an operator issues for one user. */
  operatorResetLink: { perUser: 10, windowMinutes: 60 },
} as const;

export interface PortalAccountFacts {
  state: EntityState;
  role: UserRole;
  organizationState: OrganizationState;
  hasPassword: boolean;
  /** A directory user's password is the directory's (checked by an LDAP bind), never stored by Mailyard. */
  fromDirectory: boolean;
}

export const ACCOUNT_UNAVAILABLE_MESSAGE = 'This account cannot sign in: it is disabled, or its organization is not active. Contact your administrator.';

/** Who signs in anywhere: an enabled person (system users and resources never do). */
const enabledPerson = (account: Pick<PortalAccountFacts, 'state' | 'role'>) => account.state === 'ENABLED' && account.role === 'USER';
const unavailable = (usable: boolean): Refusal | null => (usable ? null : refusal('AUTH.ACCOUNT_UNAVAILABLE', ACCOUNT_UNAVAILABLE_MESSAGE));

/**
 * Whether a user may use the portal: an enabled person with a password (its own or its directory's), in an Active
 * organization. Checked at sign-in and on every request, so disabling ends a session at once.
 */
export const portalAccessRefusal = (account: PortalAccountFacts): Refusal | null =>
  unavailable(enabledPerson(account) && (account.hasPassword || account.fromDirectory) && account.organizationState === 'Active');

/**
 * Who may open a mailbox at the mail servers once the password is right: an enabled person of an organization whose
 * mail flows (`servesMail`: Impaired too, so a directory back from an outage is not taken for a wrong password until
 * the next sync). The twin of `mailserver.v1_logins.enabled`.
 */
export const mailSignInRefusal = (account: Pick<PortalAccountFacts, 'state' | 'role' | 'organizationState'>): Refusal | null =>
  unavailable(enabledPerson(account) && servesMail(account.organizationState));

/**
 * A recovery address must be personal: not on one of the organization's domains (or their subdomains), which the
 * organization — not the user — controls and which stop working with the account.
 */
export function recoveryAddressRefusal(address: string, organizationDomains: readonly string[]): Refusal | null {
  const domain = (splitAddress(address)?.domain ?? '').toLowerCase();
  const own = organizationDomains.find((d) => {
    const orgDomain = d.toLowerCase();
    return domain === orgDomain || domain.endsWith(`.${orgDomain}`);
  });
  return own
    ? refusal('RECOVERY.ADDRESS_INVALID', `Use a personal address outside your organization: ${own} is a domain of your organization.`, {
        field: 'email',
        domain: own,
      })
    : null;
}

/** Six digits from a random integer below 10^6, zero-padded. */
export const formatRecoveryCode = (n: number) => String(n % 10 ** RECOVERY_CODE_DIGITS).padStart(RECOVERY_CODE_DIGITS, '0');

/** The policy stored on an organization; one written by an older version, or never set, reads as the default (off). */
export function storedAliasPolicy(stored: unknown): AliasPolicy {
  const parsed = AliasPolicy.safeParse(stored ?? {});
  return parsed.success ? parsed.data : defaultAliasPolicy;
}

/** Why a user may not remove this address of theirs, or `null` when they may. `address` is `null` when it is not theirs. */
export function selfServiceAliasRemovalRefusal(policy: AliasPolicy, address: { address: string; isPrimary: boolean } | null): Refusal | null {
  if (!policy.allowed) return refusal('ADDRESS.SELF_SERVICE_DISABLED', 'Your organization does not let users manage their own aliases.');
  if (!address) return refusal('ADDRESS.NOT_FOUND', 'This address is not one of your aliases.', { field: 'address' });
  if (address.isPrimary) {
    return refusal('ADDRESS.IS_PRIMARY', `${address.address} is your primary address: it cannot be removed.`, { field: 'address' });
  }
  return null;
}
