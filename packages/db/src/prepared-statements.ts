import type { Sql, TransactionSql } from 'postgres';

type AnySql = Sql | TransactionSql;

/**
 * drizzle's postgres.js adapter runs every query through `unsafe()` with `prepare: false` (drizzle-orm#6096,
 * #5502), so postgres.js sends each parameterised query unnamed: a Parse/Describe round trip before every
 * execution, and a query issued alongside others waits for that instead of being pipelined. This wrapper asks
 * for named prepared statements, which postgres.js caches per connection (parsed and described once, then one
 * round trip each, pipelined) — on the pool, in transactions and in savepoints. Queries without parameters still
 * go as simple queries (postgres.js's rule), so multi-statement SQL such as migrations is unaffected. Each distinct
 * SQL text stays prepared on its connection until postgres.js retires the connection (`max_lifetime`, 30–60 min):
 * a bounded set, since values are always parameters: one statement per query shape (and, for lists such as
 * `inArray`, per length up to the inputs' limits).
 */
export function withPreparedStatements<T extends AnySql>(sql: T): T {
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key === 'unsafe') {
        return (query: string, params?: unknown[], options?: object) => target.unsafe(query, params as never, { ...options, prepare: true });
      }
      // The scoped clients postgres.js hands to transactions and savepoints get the same treatment.
      if (key === 'begin' || key === 'savepoint') {
        const open = Reflect.get(target, key, receiver) as (...args: unknown[]) => Promise<unknown>;
        return (...args: unknown[]) => {
          const body = args.pop() as (scoped: TransactionSql) => unknown;
          return open.call(target, ...args, (scoped: TransactionSql) => body(withPreparedStatements(scoped)));
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
}
