import { eq, ne, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { EntityState } from '@mailyard/core/entities';
import type { ListOrder, Position, SortColumn } from './keyset.ts';
import { organizationOfAccount } from './organization-scope.ts';
import { startsWithPrefix } from './prefix-range.ts';
import type { SearchableFilter } from './searchable-list.ts';

/** Which groups or resources a list covers: the console's search box and state filter, and WorkMail's prefix filters. */
export interface EntityListFilter {
  organizationId: string;
  /** A fragment anywhere in the name, the primary address (or, for groups, an alias), without case or accents. */
  search?: string | undefined;
  /** WorkMail's List* filters: every one given must match. */
  namePrefix?: string | undefined;
  emailPrefix?: string | undefined;
  /** One state; absent = every state but DELETED. */
  state?: EntityState | undefined;
  /** Rows only when the organization is this account's (`organizationOfAccount`): the page proves the tenant check. */
  accountId?: string | undefined;
}

export interface EntityPageQuery<S extends string> extends EntityListFilter {
  /** Absent: by name, or by address when only an address prefix is given (WorkMail's order). */
  sort?: S | undefined;
  descending?: boolean | undefined;
  after: Position | null;
  limit: number;
}

/** The columns a groups or resources list filters on: the name and address as their page indexes hold them. */
export interface EntityKeys {
  organizationId: PgColumn;
  id: PgColumn;
  state: PgColumn;
  name: SQL<string>;
  email: SQL<string>;
}

/** The order of a page: the sort asked for, else WorkMail's (by address only when an address prefix alone is given). */
export function entityListOrder<S extends string>(
  keys: EntityKeys,
  sortColumns: Record<S, SortColumn[]> & Record<'name' | 'email', SortColumn[]>,
  q: Omit<EntityPageQuery<S>, 'organizationId' | 'after' | 'limit'>,
): ListOrder {
  const key: S | 'name' | 'email' = q.sort ?? (q.emailPrefix && !q.namePrefix ? 'email' : 'name');
  return { columns: sortColumns[key], id: keys.id, descending: q.descending ?? false };
}

/** The organization, the state and the prefix filters, with the search box, as `searchablePage` reads them. */
export function entityFilter(keys: EntityKeys, q: EntityListFilter): SearchableFilter {
  const where = [eq(keys.organizationId, q.organizationId), q.state ? eq(keys.state, q.state) : ne(keys.state, 'DELETED')];
  if (q.namePrefix) where.push(startsWithPrefix(keys.name, q.namePrefix));
  if (q.emailPrefix) where.push(startsWithPrefix(keys.email, q.emailPrefix));
  if (q.accountId) where.push(organizationOfAccount(q.organizationId, q.accountId));
  return { tenant: q.organizationId, where, search: q.search };
}
