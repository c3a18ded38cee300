import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { EntityState } from '@mailyard/core/entities';
import type { UserAttribute, UserRecord, UserRole, UserSummary } from '@mailyard/core/users';
import type { Db } from '../client.ts';
import { users } from '../schema/index.ts';

/** What a list shows of each user (the users list, a user found by name). */
export const userSummaryColumns = {
  id: users.id,
  name: users.name,
  displayName: users.displayName,
  email: users.primaryEmail,
  state: sql<EntityState>`${users.state}`,
  role: sql<UserRole>`${users.role}`,
  enabledAt: users.enabledAt,
  disabledAt: users.disabledAt,
  identityProviderUserId: users.identityProviderUserId,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  fromDirectory: sql<boolean>`${users.directoryEntryId} is not null`,
  createdAt: users.createdAt,
};

const recordColumns = {
  ...userSummaryColumns,
  firstName: users.firstName,
  lastName: users.lastName,
  initials: users.initials,
  telephone: users.telephone,
  street: users.street,
  city: users.city,
  zipCode: users.zipCode,
  country: users.country,
  company: users.company,
  department: users.department,
  jobTitle: users.jobTitle,
  office: users.office,
  hiddenFromGlobalAddressList: users.hiddenFromGlobalAddressList,
  updatedAt: users.updatedAt,
};

const ofOrganization = (organizationId: string, id: string) => and(eq(users.organizationId, organizationId), eq(users.id, id));

export interface NewUserRow {
  organizationId: string;
  id: string;
  name: string;
  displayName: string;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  /** The rest of the personal data, when given at creation (the bulk import). */
  details?: UserCreationDetails | undefined;
  hiddenFromGlobalAddressList: boolean;
  role: UserRole;
  identityProviderUserId?: string | null | undefined;
  passwordHash: string | null;
  createdAt: Date;
  /** Created already enabled with this primary address (the console's Create user), in the same statement. */
  enabledWith?: { email: string } | undefined;
}

export type UserCreationDetails = Partial<Record<Exclude<UserAttribute, 'displayName' | 'firstName' | 'lastName'>, string | undefined>>;

/**
 * Inserts a user, DISABLED and without an address (WorkMail's CreateUser); enabling gives it both. Names are unique
 * per organization without case among users not deleted: a taken name — also by a racing request — raises unique
 * violation `users_name_key`.
 */
export async function insertUser(db: Db, row: NewUserRow): Promise<void> {
  const { details, enabledWith, ...columns } = row;
  const state = enabledWith ? { state: 'ENABLED', primaryEmail: enabledWith.email, enabledAt: row.createdAt } : { state: 'DISABLED' };
  await db.insert(users).values({ ...columns, ...details, ...state, updatedAt: row.createdAt });
}

/** A user of the organization in any state, without credentials; `lock` holds the row for the transaction. */
export async function findUser(db: Db, organizationId: string, id: string, lock?: 'update'): Promise<UserRecord | null> {
  const query = db.select(recordColumns).from(users).where(ofOrganization(organizationId, id));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

/** Locks several users, in id order so two bulk actions over overlapping selections cannot deadlock. */
export async function lockUsers(db: Db, organizationId: string, ids: string[]): Promise<UserRecord[]> {
  return db
    .select(recordColumns)
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.id, ids)))
    .orderBy(asc(users.id))
    .for('update');
}

/** The live (not deleted) user holding `name`, compared without case: the index `users_name_key` answers it. */
export async function findUserByName(db: Db, organizationId: string, name: string): Promise<UserSummary | null> {
  const [row] = await db
    .select(userSummaryColumns)
    .from(users)
    .where(and(eq(users.organizationId, organizationId), sql`lower(${users.name}) = lower(${name})`, ne(users.state, 'DELETED')));
  return row ?? null;
}

export type UserPatch = Partial<Omit<UserRecord, 'id' | 'createdAt' | 'updatedAt'> & { passwordHash: string | null }> & { updatedAt: Date };

export async function updateUser(db: Db, organizationId: string, id: string, patch: UserPatch): Promise<void> {
  const { email, ...rest } = patch;
  await db
    .update(users)
    .set({ ...rest, ...(email === undefined ? {} : { primaryEmail: email }) })
    .where(ofOrganization(organizationId, id));
}
