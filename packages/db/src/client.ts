import { is, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { withPreparedStatements } from './prepared-statements.ts';
import * as schema from './schema/index.ts';

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A database handle or an open transaction: every query function takes one as its first argument. */
export type Db = Database | Transaction;

export interface DatabaseClient {
  db: Database;
  close(): Promise<void>;
}

export interface ConnectOptions {
  max?: number;
  /** Log each statement (development only). */
  debug?: boolean;
  /**
   * Named prepared statements (default). Off for a pooler in transaction mode that cannot keep them (PgBouncer
   * before 1.21, or without `max_prepared_statements`): queries then cost an extra round trip each. Off means off for
   * the driver too: postgres.js prepares its own `begin`/`commit`/`savepoint` by name unless told not to, and through
   * such a pooler a `commit` prepared on another server connection failed, was retried by the driver on the now
   * aborted transaction, and so rolled it back while answering success.
   */
  preparedStatements?: boolean;
}

/**
 * Prepared statements save the parse and, for postgres.js, the describe round trip; they are still planned on every
 * execution, with the values at hand. After five executions PostgreSQL may settle on a generic plan, made without the
 * values, and keeps it for the connection: for a keyset page, whose rows it cannot foresee in an organization of
 * unknown size, that plan read every row after the cursor and sorted them (38 ms for a page at 80,000 of 100,000
 * users, against 0.05 ms planned with its values), and it set in once a connection had served a few pages of 1,000.
 * Unnamed statements (prepared statements off) are always planned with their values.
 */
export const CUSTOM_PLANS = { plan_cache_mode: 'force_custom_plan' };

export function connect(url: string, options: ConnectOptions = {}): DatabaseClient {
  const prepared = options.preparedStatements !== false;
  const sql = postgres(url, {
    max: options.max ?? 10,
    prepare: prepared,
    onnotice: () => {},
    connection: { application_name: 'mailyard', ...(prepared ? CUSTOM_PLANS : {}) },
    // Reconnecting after PostgreSQL went away: the driver's own backoff grows as 3^failures / 100 s up to 20 s, shared
    // by the pool, so a restart of a few seconds left requests waiting ~20 s after it was back. Doubling from 50 ms
    // to at most 1 s keeps a down database's answers a quick 503 and service back within a second of its return.
    backoff: (failures: number) => Math.min(0.05 * 2 ** failures, 1),
    // A connection whose handshake hangs (seen once in CI while PostgreSQL restarted immediately) held its request for
    // the driver's default 30 s; 5 s is far beyond a healthy handshake, and the request is answered 503 instead.
    connect_timeout: 5,
  });
  const db = drizzle(prepared ? withPreparedStatements(sql) : sql, { schema, logger: options.debug ?? false });
  return { db, close: () => sql.end({ timeout: 5 }) };
}

/** Runs `fn` in one transaction: a failed operation changes nothing. Nested calls use a savepoint. */
export function inTransaction<T>(db: Db, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}

/** Whether `db` is an open transaction (a row lock taken through it lasts until commit) rather than the pool. */
export const isTransaction = (db: Db): db is Transaction => is(db, PgTransaction);

/** A round trip to the database, for the health check. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
