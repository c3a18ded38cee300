import { and, eq, gt, sql } from 'drizzle-orm';
import type { EntityState } from '@mailyard/core/entities';
import type { OrganizationState } from '@mailyard/core/organizations';
import type { UserRole } from '@mailyard/core/users';
import type { Db } from '../client.ts';
import { addresses, organizations, userSessions, users } from '../schema/index.ts';
import type { UserKey } from './self-service.ts';

/** What the portal needs to know about an account: who, and whether it may still use the portal. */
const accountColumns = {
  organizationId: users.organizationId,
  userId: users.id,
  accountId: organizations.accountId,
  organizationAlias: organizations.alias,
  organizationState: sql<OrganizationState>`${organizations.state}`,
  name: users.name,
  displayName: users.displayName,
  primaryEmail: users.primaryEmail,
  state: sql<EntityState>`${users.state}`,
  role: sql<UserRole>`${users.role}`,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  fromDirectory: sql<boolean>`${users.directoryEntryId} is not null`,
  recoveryEmail: users.recoveryEmail,
  recoveryEmailVerifiedAt: users.recoveryEmailVerifiedAt,
};

export type PortalAccount = Awaited<ReturnType<typeof findPortalAccount>> & {};

const ofUser = (k: UserKey) => and(eq(users.organizationId, k.organizationId), eq(users.id, k.userId));

/** The user holding an address (primary or alias); group addresses name no user. */
const userOfAddress = and(eq(users.organizationId, addresses.organizationId), eq(users.id, addresses.entityId), eq(addresses.entityType, 'USER'));
const heldAddress = (address: string) => eq(addresses.address, address.trim().toLowerCase());

/** The account holding `address` — the "forgot password" look-up. */
export async function findPortalAccountByAddress(db: Db, address: string) {
  const [row] = await db
    .select(accountColumns)
    .from(addresses)
    .innerJoin(users, userOfAddress)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(heldAddress(address));
  return row ?? null;
}

/**
 * The account holding `address`, with its password hash: for the verifier of every place a user signs in (the
 * portal, device sync, the mail servers), and for nothing else.
 */
export async function findSignInAccount(db: Db, address: string) {
  const [row] = await db
    // A directory user's password is the directory's: its DN and the organization's directory let the caller bind as it.
    .select({ ...accountColumns, passwordHash: users.passwordHash, directoryDn: users.directoryDn, directoryId: organizations.directoryId })
    .from(addresses)
    .innerJoin(users, userOfAddress)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(heldAddress(address));
  return row ?? null;
}

export type SignInAccount = NonNullable<Awaited<ReturnType<typeof findSignInAccount>>>;

/** The account of a user; `lock` holds the user row, so changes to one account's password or addresses run one at a time. */
export async function findPortalAccount(db: Db, user: UserKey, lock?: 'update') {
  const query = db.select(accountColumns).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId)).where(ofUser(user));
  const [row] = lock ? await query.for(lock, { of: users }) : await query;
  return row ?? null;
}

/** A live portal session and its account, read on every request (state is checked each time, not only at sign-in). */
export async function findPortalSession(db: Db, idHash: string, now: Date) {
  const [row] = await db
    .select({ lastSeenAt: userSessions.lastSeenAt, account: accountColumns })
    .from(userSessions)
    .innerJoin(users, and(eq(users.organizationId, userSessions.organizationId), eq(users.id, userSessions.userId)))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(userSessions.idHash, idHash), gt(userSessions.expiresAt, now)));
  return row ?? null;
}

/** The only portal query that returns a password hash: for the function that verifies it. */
export async function findPasswordHash(db: Db, user: UserKey): Promise<string | null> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(ofUser(user));
  return row?.hash ?? null;
}

export async function setPasswordHash(db: Db, user: UserKey, passwordHash: string, now: Date): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: now }).where(ofUser(user));
}

/** The verified recovery address (or none). A pending one lives in `recovery_verifications` until its code is entered. */
export async function setRecoveryAddress(db: Db, user: UserKey, email: string | null, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ recoveryEmail: email, recoveryEmailVerifiedAt: email === null ? null : now, updatedAt: now })
    .where(ofUser(user));
}
