import { randomUUID } from 'node:crypto';
import { addressProblems } from '@mailyard/core/addresses';
import { nameTakenRefusal } from '@mailyard/core/entities';
import { fail, failIf } from '@mailyard/core/errors';
import { DEFAULT_QUOTA_MB } from '@mailyard/core/mailboxes';
import { defaultAddressFor, reservedNameRefusal, roleRefusal, type UserRole } from '@mailyard/core/users';
import { allStatements, inTransaction, type Db } from '@mailyard/db';
import { findNameHolders } from '@mailyard/db/queries/entity-names';
import { provisionMailbox } from '@mailyard/db/queries/mailboxes';
import { insertPasswordHistory } from '@mailyard/db/queries/self-service';
import { insertUser, type UserCreationDetails } from '@mailyard/db/queries/users';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { hashNewPassword } from '../passwords/hash-new.ts';
import { addressClaimRefusal, addressOrigin, insertClaimedAddress, type AddressClaim } from '../addresses/claim.ts';
import { claimEntityName, failOnNameIndex } from '../entities/claim-name.ts';
import { userTarget } from './require.ts';

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

/**
 * Creates a user. WorkMail's CreateUser (`register: false`) leaves it DISABLED without an address; the console's
 * Create user (`register: true`) also enables it — primary address, mailbox with the default quota — in the same
 * transaction, so a refused address leaves no half-created user behind.
 */
export async function createUser(deps: Deps, actor: OperatorActor, input: NewUser, options: { register: boolean }): Promise<{ userId: string }> {
  failIf(reservedNameRefusal(input.name, 'user'));
  const role = input.role ?? 'USER';
  failIf(roleRefusal(role));
  const now = deps.clock();
  const id = randomUUID();
  // The checks run while the password hashes (argon2, milliseconds on a thread of its own): a refused create
  // answers at once, and one that passes waits for the hash alone. A request racing in between for the same
  // name is still refused by the name's lock and check in the transaction below, one for the same address by the
  // unique index there; one deleting the organization, by its state read again there under lock.
  const [passwordHash, claim] = await Promise.all([
    input.password === undefined ? null : hashNewPassword(input.password),
    checkNewUser(deps.db, actor, id, input, options),
  ]);
  try {
    return await inTransaction(deps.db, async (tx) => {
      // Issued together, the writes share one round trip: the driver pipelines them on the transaction's connection.
      const email = claim?.address ?? null;
      await claimEntityName(tx, input.organizationId, { type: 'USER', name: input.name });
      await allStatements([
        requireActiveOrganization(tx, actor, input.organizationId),
        insertUser(tx, {
          organizationId: input.organizationId,
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
        }),
        passwordHash && insertPasswordHistory(tx, { organizationId: input.organizationId, userId: id, passwordHash, createdAt: now }),
        claim && insertClaimedAddress(tx, claim, now),
        claim && provisionMailbox(tx, { organizationId: input.organizationId, entityId: id, quotaMb: DEFAULT_QUOTA_MB, at: now }),
        recordAudit(
          tx,
          actor,
          {
            action: 'user.create',
            organizationId: input.organizationId,
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
        ),
      ]);
      return { userId: id };
    });
  } catch (error) {
    failOnNameIndex(error, 'users_name_key', { type: 'USER', name: input.name });
    throw error;
  }
}

/**
 * The organization (the operator's, and Active), the name (free among users, groups and resources), and the primary address the user will get
 * with `register` (a verified domain of the organization, free), asked together. Returns that address's claim.
 */
async function checkNewUser(db: Db, actor: OperatorActor, id: string, input: NewUser, options: { register: boolean }): Promise<AddressClaim | null> {
  const claimOf = (address: string): AddressClaim => ({
    organizationId: input.organizationId,
    entityId: id,
    entityType: 'USER',
    address,
    isPrimary: true,
    origin: addressOrigin(actor),
    field: 'email',
  });
  const given = options.register && input.email !== undefined ? claimOf(input.email) : null;
  const [org, namesakes, givenRefusal] = await Promise.all([
    requireActiveOrganization(db, actor, input.organizationId),
    findNameHolders(db, input.organizationId, input.name),
    given && addressClaimRefusal(db, given),
  ]);
  failIf(nameTakenRefusal({ type: 'USER', name: input.name }, namesakes));
  const claim = given ?? (options.register ? claimOf(defaultEmail(input.name, org.defaultMailDomain)) : null);
  if (claim) failIf(given ? givenRefusal : await addressClaimRefusal(db, claim));
  return claim;
}

/** The form's prefilled address, which must itself be a valid address (a name such as "a..b" does not make one). */
function defaultEmail(name: string, defaultDomain: string | null): string {
  if (!defaultDomain) fail('VALIDATION', 'Enter an email address: the organization has no default domain.', { field: 'email' });
  const email = defaultAddressFor(name, defaultDomain);
  const problems = addressProblems(email);
  if (problems.length > 0) fail('ADDRESS.INVALID', `${email} is not a valid address. ${problems.join(' ')} Enter another email address.`, { field: 'email' });
  return email;
}
