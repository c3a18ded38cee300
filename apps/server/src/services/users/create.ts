import { randomUUID } from 'node:crypto';
import { addressProblems } from '@mailyard/core/addresses';
import { fail, failIf } from '@mailyard/core/errors';
import { assertPassword } from '@mailyard/core/passwords';
import { DEFAULT_QUOTA_MB } from '@mailyard/core/mailboxes';
import { defaultAddressFor, reservedNameRefusal, roleRefusal, type UserRole } from '@mailyard/core/users';
import { inTransaction, violatedUniqueConstraint } from '@mailyard/db';
import { provisionMailbox } from '@mailyard/db/queries/mailboxes';
import { insertPasswordHistory } from '@mailyard/db/queries/self-service';
import { insertUser, type UserCreationDetails } from '@mailyard/db/queries/users';
import type { Deps } from '../../deps.ts';
import { hashPassword } from '../../platform/passwords.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/access.ts';
import { addressOrigin, claimAddress } from '../addresses/claim.ts';
import { userTarget } from './access.ts';

/** What the console's Create user form and WorkMail's CreateUser both give. */
export interface NewUser {
  organizationId: string;
  name: string;
  displayName: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  /** The rest of the personal data, set in the same transaction (the bulk import gives it). */
  details?: UserCreationDetails | undefined;
  hiddenFromGlobalAddressList?: boolean | undefined;
  role?: UserRole | undefined;
  /** WorkMail's IdentityProviderUserId: the IAM Identity Center user this one is linked to. */
  identityProviderUserId?: string | undefined;
  /** Without one the user cannot sign in until an operator resets it (WorkMail's CreateUser allows that). */
  password?: string | undefined;
  /** With `register`: the primary address; absent = <name>@<default domain>. */
  email?: string | undefined;
}

export const nameTaken = (name: string): never =>
  fail('USER.NAME_TAKEN', `The user name "${name}" is already in use in this organization.`, { field: 'name', name });

/**
 * Creates a user. WorkMail's CreateUser (`register: false`) leaves it DISABLED without an address; the console's
 * Create user (`register: true`) also enables it — primary address, mailbox with the default quota — in the same
 * transaction, so a refused address leaves no half-created user behind.
 */
export async function createUser(deps: Deps, actor: OperatorActor, input: NewUser, options: { register: boolean }): Promise<{ userId: string }> {
  failIf(reservedNameRefusal(input.name, 'user'));
  const role = input.role ?? 'USER';
  failIf(roleRefusal(role));
  if (input.password !== undefined) assertPassword(input.password);
  // Hashing takes tens of milliseconds: done before the transaction, so no row lock waits on it.
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const now = deps.clock();
  const id = randomUUID();
  try {
    return await inTransaction(deps.db, async (tx) => {
      const org = await requireActiveOrganization(tx, actor, input.organizationId);
      // A taken name surfaces as the `users_name_key` violation below, mapped to USER.NAME_TAKEN: no look-up first.
      const email = options.register ? (input.email ?? defaultEmail(input.name, org.defaultMailDomain)) : null;
      await insertUser(tx, {
        organizationId: org.id,
        id,
        name: input.name,
        displayName: input.displayName,
        firstName: input.firstName ?? null,
        lastName: input.lastName ?? null,
        details: input.details,
        hiddenFromGlobalAddressList: input.hiddenFromGlobalAddressList ?? false,
        role,
        identityProviderUserId: input.identityProviderUserId ?? null,
        passwordHash,
        createdAt: now,
        enabledWith: email ? { email } : undefined,
      });
      if (passwordHash) await insertPasswordHistory(tx, { organizationId: org.id, userId: id, passwordHash, createdAt: now });
      if (email) {
        // A brand-new user: its address and a fresh mailbox, nothing to restore (see activateUser for re-enabling).
        const claim = { organizationId: org.id, entityId: id, entityType: 'USER' as const, address: email, isPrimary: true, field: 'email' };
        await claimAddress(tx, { ...claim, origin: addressOrigin(actor) }, now);
        await provisionMailbox(tx, { organizationId: org.id, entityId: id, quotaMb: DEFAULT_QUOTA_MB, at: now });
      }
      await recordAudit(
        tx,
        actor,
        {
          action: 'user.create',
          organizationId: org.id,
          target: userTarget({ id, name: input.name }),
          after: {
            name: input.name,
            displayName: input.displayName,
            firstName: input.firstName ?? null,
            lastName: input.lastName ?? null,
            ...input.details,
            hiddenFromGlobalAddressList: input.hiddenFromGlobalAddressList ?? false,
            role,
            ...(input.identityProviderUserId ? { identityProviderUserId: input.identityProviderUserId } : {}),
            state: email ? 'ENABLED' : 'DISABLED',
            email,
          },
        },
        now,
      );
      return { userId: id };
    });
  } catch (error) {
    // Two requests racing for one name: the unique index lets one through; the other gets the same clear error.
    if (violatedUniqueConstraint(error) === 'users_name_key') nameTaken(input.name);
    throw error;
  }
}

/** The form's prefilled address, which must itself be a valid address (a name such as "a..b" does not make one). */
function defaultEmail(name: string, defaultDomain: string | null): string {
  if (!defaultDomain) fail('VALIDATION', 'Enter an email address: the organization has no default domain.', { field: 'email' });
  const email = defaultAddressFor(name, defaultDomain);
  const problems = addressProblems(email);
  if (problems.length > 0) fail('ADDRESS.INVALID', `${email} is not a valid address. ${problems.join(' ')} Enter another email address.`, { field: 'email' });
  return email;
}
