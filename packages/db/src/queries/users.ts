import { and, asc, eq, gte, inArray, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { EntityState } from '@mailyard/core/entities';
import type { UserAttribute, UserRecord, UserRole, UserSummary } from '@mailyard/core/users';
import type { Db } from '../client.ts';
import { prefixRange } from '../prefix-range.ts';
import { users } from '../schema/index.ts';

/**
 * The sort keys of the users list, each the expression of its page index (`users_name_page_idx`,
 * `users_display_name_page_idx`, `users_email_page_idx`, `users_idp_user_id_page_idx`): a page or a prefix search
 * is a range scan that stops after the page. Primary addresses are stored lower-case, so their index needs no `lower()`.
 */
const sortKeys = {
  name: sql<string>`lower(${users.name}) COLLATE "C"`,
  displayName: sql<string>`lower(${users.displayName}) COLLATE "C"`,
  email: sql<string>`${users.primaryEmail} COLLATE "C"`,
  identityProviderUserId: sql<string>`lower(${users.identityProviderUserId}) COLLATE "C"`,
} as const;
type SortKey = keyof typeof sortKeys;

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
  createdAt: users.createdAt,
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

/** A page's last position: the sort key of the branch that listed the row, and its id. */
export type UserKey = [string, string];

export interface UsersPageQuery {
  organizationId: string;
  /** The console's search box: a prefix of the name, the display name OR the primary address. */
  search?: string | undefined;
  /** WorkMail ListUsers filters: every one given must match. */
  namePrefix?: string | undefined;
  displayNamePrefix?: string | undefined;
  emailPrefix?: string | undefined;
  identityProviderUserIdPrefix?: string | undefined;
  /** One state; absent = every state but DELETED. */
  state?: EntityState | undefined;
  after: UserKey | null;
  limit: number;
}

export type UserPageRow = UserSummary & { sortKey: string };

/** Each WorkMail prefix filter and the key it ranges over; without a search, the first one given orders the page. */
const prefixFilters = [
  ['name', 'namePrefix'],
  ['displayName', 'displayNamePrefix'],
  ['email', 'emailPrefix'],
  ['identityProviderUserId', 'identityProviderUserIdPrefix'],
] as const satisfies readonly (readonly [SortKey, keyof UsersPageQuery])[];

function startsWith(key: SortKey, prefix: string): SQL {
  const { low, high } = prefixRange(prefix);
  const expr = sortKeys[key];
  return high === null ? gte(expr, low) : and(gte(expr, low), lt(expr, high))!;
}

/**
 * A page of users. Without `search`, ordered by one key — the name, or the first WorkMail prefix filter given —
 * through that key's index. With `search`, three range scans (name, display name, email), each listing a user
 * under the smallest of its keys that match (ties to the earlier scan), merged by (key, id): every match appears
 * once, in one order a keyset cursor can resume, and no scan reads further than the page.
 */
export async function listUsersPage(db: Db, q: UsersPageQuery): Promise<UserPageRow[]> {
  const common: SQL[] = [eq(users.organizationId, q.organizationId), q.state ? eq(users.state, q.state) : ne(users.state, 'DELETED')];
  for (const [key, filter] of prefixFilters) {
    const prefix = q[filter];
    if (prefix) common.push(startsWith(key, prefix));
  }
  // Stated, not only implied by the range, so the planner can use the partial index `users_idp_user_id_page_idx`.
  if (q.identityProviderUserIdPrefix) common.push(isNotNull(users.identityProviderUserId));

  const scan = (key: SortKey, extra: (SQL | undefined)[]) => {
    const expr = sortKeys[key];
    const after = q.after ? sql`(${expr}, ${users.id}) > (${q.after[0]}, ${q.after[1]}::uuid)` : undefined;
    return db
      .select({ ...summaryColumns, sortKey: sql<string>`${expr}`.as('sort_key') })
      .from(users)
      .where(and(...common, ...extra, after))
      .orderBy(expr, asc(users.id))
      .limit(q.limit);
  };

  if (!q.search) {
    const key = prefixFilters.find(([, filter]) => q[filter])?.[0] ?? 'name';
    return scan(key, []);
  }
  const search = q.search;
  const order: SortKey[] = ['name', 'displayName', 'email'];
  // A row belongs to scan `key` when no other matching key sorts before it (or equal, for an earlier scan).
  const owns = (key: SortKey) =>
    order
      .filter((other) => other !== key)
      .map((other) => {
        const before = order.indexOf(other) < order.indexOf(key) ? sql`<=` : sql`<`;
        return sql`not coalesce(${startsWith(other, search)} and ${sortKeys[other]} ${before} ${sortKeys[key]}, false)`;
      });
  const [byName, byDisplayName, byEmail] = order.map((key) => scan(key, [startsWith(key, search), ...owns(key)]));
  return unionAll(byName!, byDisplayName!, byEmail!)
    .orderBy(sql`sort_key`, sql`id`)
    .limit(q.limit);
}
