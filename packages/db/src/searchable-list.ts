import { and, eq, inArray, not, or, sql, type SQL } from 'drizzle-orm';
import { unionAll, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { ListTotal } from '@mailyard/core/pagination';
import type { Db } from './client.ts';
import { containsPattern, trigramSearchable } from './fragment-search.ts';
import { afterPosition, orderOf, positionFields, unionOrderOf, withPositions, type ListOrder, type Position } from './keyset.ts';
import { listTotal } from './list-total.ts';
import { addresses } from './schema/index.ts';

/**
 * A table whose console list searches its own text (`searchText`) and, for groups, its entities' aliases (the users
 * list searches `user_search`, which holds its aliases: `queries/user-list.ts`).
 * `tenant` is the column every list of it stays within and its indexes lead with: `organization_id`, or
 * `account_id` for organizations.
 */
export interface SearchableTable {
  table: PgTable;
  tenant: PgColumn;
  id: PgColumn;
  /** The generated, folded text of the row (`search_text`, with its trigram GIN index). */
  searchText: PgColumn;
  /** Its entities' type in `addresses`, when their aliases are searched too. */
  entityType?: 'GROUP';
}

/** Which rows a list covers: the tenant and the table's own filters (state, prefixes), and the search box. */
export interface SearchableFilter {
  tenant: string;
  where: SQL[];
  search?: string | undefined;
}

/**
 * What the matching rows satisfy, with `extra` conditions (a keyset position): `own`, the rows whose own text
 * matches, and for a search of three characters or more `alias`, the other rows with a matching alias. Those two
 * scans are each answered by a trigram index — the row's own text (`groups_search_idx`) and the
 * aliases (`addresses_alias_search_idx`) — and, disjoint, they add up (UNION ALL) without sorting every match to drop
 * the rows both find. A shorter search filters the page index as it walks: trigrams find nothing selective in one or
 * two characters, and so short a fragment fills a page quickly.
 */
function match(t: SearchableTable, q: SearchableFilter, extra: (SQL | undefined)[]): { own: SQL | undefined; alias: SQL | undefined } {
  const where = [...q.where, ...extra];
  if (!q.search) return { own: and(...where), alias: undefined };
  const pattern = containsPattern(q.search);
  const ownMatches = sql`${t.searchText} like ${pattern}`;
  if (!t.entityType) return { own: and(...where, ownMatches), alias: undefined };
  const aliasMatches = and(
    eq(addresses.organizationId, q.tenant),
    eq(addresses.entityType, t.entityType),
    not(addresses.isPrimary),
    sql`${addresses.searchText} like ${pattern}`,
  );
  if (trigramSearchable(q.search)) {
    const aliasOwners = sql`(select ${addresses.entityId} from ${addresses} where ${aliasMatches})`;
    return { own: and(...where, ownMatches), alias: and(...where, not(ownMatches), inArray(t.id, aliasOwners)) };
  }
  const anyAlias = sql`exists (select 1 from ${addresses} where ${and(aliasMatches, eq(addresses.entityId, t.id))})`;
  return { own: and(...where, or(ownMatches, anyAlias)), alias: undefined };
}

type Fields = Record<string, PgColumn | SQL | SQL.Aliased>;

/**
 * A page of `summary` rows in `order`, after `after`, each with its position. Without a search (or with a short
 * one) the order's page index is walked and stops after the page. A search's matches come from its two trigram
 * scans and are sorted as a whole: the scans themselves are not ordered, since an
 * ordered scan with a LIMIT lets the planner walk the page index and filter, slow when the matches cluster late in
 * the order (every "sven…" user under "s").
 */
export async function searchablePage<S>(
  db: Db,
  t: SearchableTable,
  q: SearchableFilter & { order: ListOrder; after: Position | null; limit: number },
  summary: Fields,
): Promise<(S & { position: Position })[]> {
  const fields = { ...summary, ...positionFields(q.order) };
  const m = match(t, q, [afterPosition(q.order, q.after)]);
  const own = db.select(fields).from(t.table).where(m.own);
  const rows: Record<string, unknown>[] = m.alias
    ? await unionAll(own, db.select(fields).from(t.table).where(m.alias))
        .orderBy(...unionOrderOf(q.order))
        .limit(q.limit)
    : await own.orderBy(...orderOf(q.order)).limit(q.limit);
  return withPositions<S>(rows, summary, q.order);
}

/** How many rows match: exact up to `EXACT_COUNT_LIMIT`, else an estimate (at once for a short search). */
export async function searchableTotal(db: Db, t: SearchableTable, q: SearchableFilter): Promise<ListTotal> {
  const m = match(t, q, []);
  const own = db.select({ id: t.id }).from(t.table).where(m.own);
  const matching = m.alias ? unionAll(own, db.select({ id: t.id }).from(t.table).where(m.alias)) : own;
  return listTotal(db, matching.getSQL(), !q.search || trigramSearchable(q.search));
}
