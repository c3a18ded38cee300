import { and, asc, eq, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { EntityState } from '@mailyard/core/entities';
import type { ListTotal } from '@mailyard/core/pagination';
import type { UserAttribute, UserRecord, UserRole, UserSort, UserSummary } from '@mailyard/core/users';
import type { Db } from '../client.ts';
import type { ListOrder, Position, SortColumn } from '../keyset.ts';
import { startsWithPrefix } from '../prefix-range.ts';
import { users } from '../schema/index.ts';
import { searchablePage, searchableTotal, type SearchableTable } from '../searchable-list.ts';

/**
 * The text keys of the users list, each the expression of its page index (`users_name_page_idx`,
 * `users_display_name_page_idx`, `users_email_page_idx`, `users_idp_user_id_page_idx`): a page or a prefix search
 * is a range scan that stops after the page. Primary addresses are stored lower-case, so their index needs no
 * `lower()`; a user never enabled has none and sorts as ''.
 */
const sortKeys = {
  name: sql<string>`lower(${users.name}) COLLATE "C"`,
  displayName: sql<string>`lower(${users.displayName}) COLLATE "C"`,
  email: sql<string>`coalesce(${users.primaryEmail}, '') COLLATE "C"`,
  identityProviderUserId: sql<string>`lower(${users.identityProviderUserId}) COLLATE "C"`,
} as const;
type SortKey = keyof typeof sortKeys;

/** Every order of the list and its page index: the text keys above, `users_state_name_page_idx`, `users_created_page_idx`. */
const sortColumns: Record<UserSort | 'identityProviderUserId', SortColumn[]> = {
  name: [{ expr: sortKeys.name }],
  displayName: [{ expr: sortKeys.displayName }],
  email: [{ expr: sortKeys.email }],
  identityProviderUserId: [{ expr: sortKeys.identityProviderUserId }],
  state: [{ expr: users.state }, { expr: sortKeys.name }],
  createdAt: [{ expr: users.createdAt, type: 'timestamptz' }],
};

const summaryColumns = {
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
  ...summaryColumns,
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
    .select(summaryColumns)
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

export interface UsersFilter {
  organizationId: string;
  /** The console's search box: a fragment anywhere in the name, the display name, the primary address or an alias. */
  search?: string | undefined;
  /** WorkMail ListUsers filters: every one given must match. */
  namePrefix?: string | undefined;
  displayNamePrefix?: string | undefined;
  emailPrefix?: string | undefined;
  identityProviderUserIdPrefix?: string | undefined;
  /** One state; absent = every state but DELETED. */
  state?: EntityState | undefined;
}

export interface UsersPageQuery extends UsersFilter {
  /** Absent: by name, or by the first WorkMail prefix filter given (its index serves the filter and the order). */
  sort?: UserSort | undefined;
  descending?: boolean | undefined;
  after: Position | null;
  limit: number;
}

export type UserPageRow = UserSummary & { position: Position };

/** Each WorkMail prefix filter and the key it ranges over. */
const prefixFilters = [
  ['name', 'namePrefix'],
  ['displayName', 'displayNamePrefix'],
  ['email', 'emailPrefix'],
  ['identityProviderUserId', 'identityProviderUserIdPrefix'],
] as const satisfies readonly (readonly [SortKey, keyof UsersFilter])[];

const startsWith = (key: SortKey, prefix: string): SQL => startsWithPrefix(sortKeys[key], prefix);

/** The order of a page: its columns (what a cursor carries) and direction. */
export function userListOrder(q: Pick<UsersPageQuery, 'sort' | 'descending'> & UsersFilter): ListOrder {
  const key = q.sort ?? prefixFilters.find(([, filter]) => q[filter])?.[0] ?? 'name';
  return { columns: sortColumns[key], id: users.id, descending: q.descending ?? false };
}

/** The organization, the state filter and WorkMail's prefix filters (exact prefixes, as WorkMail matches them). */
function filterConditions(q: UsersFilter): SQL[] {
  const conditions: SQL[] = [eq(users.organizationId, q.organizationId), q.state ? eq(users.state, q.state) : ne(users.state, 'DELETED')];
  for (const [key, filter] of prefixFilters) {
    const prefix = q[filter];
    if (prefix) conditions.push(startsWith(key, prefix));
  }
  // Stated, not only implied by the range, so the planner can use the partial index `users_idp_user_id_page_idx`.
  if (q.identityProviderUserIdPrefix) conditions.push(isNotNull(users.identityProviderUserId));
  return conditions;
}


const usersTable: SearchableTable = { table: users, tenant: users.organizationId, id: users.id, searchText: users.searchText, entityType: 'USER' };
const searchable = (q: UsersFilter) => ({ tenant: q.organizationId, where: filterConditions(q), search: q.search });

/** A page of users in the order asked for, after `after` (see `searchablePage`). */
export async function listUsersPage(db: Db, q: UsersPageQuery): Promise<UserPageRow[]> {
  return searchablePage<UserSummary>(db, usersTable, { ...searchable(q), order: userListOrder(q), after: q.after, limit: q.limit }, summaryColumns);
}

/** How many users the filter matches: exact up to `EXACT_COUNT_LIMIT`, else an estimate. */
export async function countUsers(db: Db, q: UsersFilter): Promise<ListTotal> {
  return searchableTotal(db, usersTable, searchable(q));
}
