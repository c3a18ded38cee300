import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** One column of a sort order: its expression (the one its page index holds) and, for a timestamp, the cast. */
export interface SortColumn {
  expr: SQL | AnyColumn;
  type?: 'timestamptz';
}

/** A list's order: its columns, then the row's id as the tie-breaker, all ascending or all descending. */
export interface ListOrder {
  columns: readonly SortColumn[];
  id: AnyColumn;
  descending: boolean;
}

/**
 * A page's position: the sort values of its last row then its id, as text (a timestamp as ISO 8601). The rows carry
 * them as `sort_0`, `sort_1`… so a UNION of several scans can be ordered by the same values, collation included.
 */
export type Position = string[];

const alias = (i: number) => sql.raw(`sort_${i}`);

/** The select fields that carry a row's position. */
export function positionFields(order: ListOrder): Record<string, SQL.Aliased> {
  return Object.fromEntries(order.columns.map((c, i) => [`sort_${i}`, sql`${c.expr}`.as(`sort_${i}`)]));
}

/** Reads a row's position back (after `positionFields`). */
export function positionOf(row: Record<string, unknown>, order: ListOrder, id: string): Position {
  return [...order.columns.map((_, i) => {
    const value = row[`sort_${i}`];
    return value instanceof Date ? value.toISOString() : String(value);
  }), id];
}

/** A page's rows as items (the `summary` fields) each with its position, from rows selected with `positionFields`. */
export function withPositions<S>(rows: Record<string, unknown>[], summary: Record<string, unknown>, order: ListOrder): (S & { position: Position })[] {
  const keys = Object.keys(summary);
  // Plain loops: a list call maps 51 rows, and `Object.fromEntries` of mapped pairs was a few per cent of its time.
  return rows.map((row) => {
    const item: Record<string, unknown> = {};
    for (const k of keys) item[k] = row[k];
    item.position = positionOf(row, order, row.id as string);
    return item as S & { position: Position };
  });
}

/** The position's id, typed as the order's id column (a UUID, or an organization's text id). */
const idValue = (order: ListOrder, id: string): SQL => (order.id.columnType === 'PgUUID' ? sql`${id}::uuid` : sql`${id}`);

/** Rows strictly after `after` in the order: one row comparison, which the order's page index answers as a range. */
export function afterPosition(order: ListOrder, after: Position | null): SQL | undefined {
  if (!after) return undefined;
  const columns = sql.join([...order.columns.map((c) => sql`${c.expr}`), sql`${order.id}`], sql`, `);
  const values = sql.join(
    [...order.columns.map((c, i) => (c.type ? sql`${after[i]}::timestamptz` : sql`${after[i]}`)), idValue(order, after.at(-1)!)],
    sql`, `,
  );
  return order.descending ? sql`(${columns}) < (${values})` : sql`(${columns}) > (${values})`;
}

/** The ORDER BY of one scan, on the table's own expressions. */
export function orderOf(order: ListOrder): SQL[] {
  const dir = order.descending ? sql` desc` : sql``;
  return [...order.columns.map((c) => sql`${c.expr}${dir}`), sql`${order.id}${dir}`];
}

/** The ORDER BY over a UNION of scans, by the position fields and `id`. */
export function unionOrderOf(order: ListOrder): SQL[] {
  const dir = order.descending ? sql` desc` : sql``;
  return [...order.columns.map((_, i) => sql`${alias(i)}${dir}`), sql`id${dir}`];
}

