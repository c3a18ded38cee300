import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allStatements, connect, inTransaction, violatedUniqueConstraint, type Db } from '../src/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table pipeline_probe (key text primary key)`);
});
afterAll(() => database.drop());

const insertKey = (db: Db, key: string) => db.execute(sql`insert into pipeline_probe (key) values (${key})`);

it('prepares parameterised statements, in transactions too (drizzle alone would send them unnamed)', async () => {
  const counted = await inTransaction(database.db, async (tx) => {
    await tx.execute(sql`select ${1}::int`);
    return tx.execute<{ n: number }>(sql`select count(*)::int as n from pg_prepared_statements where from_sql = false and statement like ${'select $1::int%'}`);
  });
  expect(counted[0]!.n).toBe(1);
});

it('plans a prepared statement with its values on every execution, never with a generic plan', async () => {
  const plans = await inTransaction(database.db, async (tx) => {
    for (let i = 0; i < 8; i++) await tx.execute(sql`select count(*) from pipeline_probe where key > ${String(i)}`);
    return tx.execute<{ generic: number; custom: number }>(
      sql`select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where statement like ${'select count(*) from pipeline_probe where key > $1%'}`,
    );
  });
  // PostgreSQL's own choice (plan_cache_mode = auto) would have settled on a generic plan after the fifth.
  expect(plans).toEqual([{ generic: 0, custom: 8 }]);
});

it('sends statements unnamed when prepared statements are turned off (for poolers that cannot keep them)', async () => {
  const unprepared = connect(database.url, { max: 1, preparedStatements: false });
  try {
    const counted = await inTransaction(unprepared.db, async (tx) => {
      await tx.execute(sql`select ${2}::int`);
      return tx.execute<{ n: number }>(sql`select count(*)::int as n from pg_prepared_statements where from_sql = false and statement like ${'select $1::int%'}`);
    });
    expect(counted[0]!.n).toBe(0);
  } finally {
    await unprepared.close();
  }
});

it('throws the statement that failed, not the ones after it that the aborted transaction refused', async () => {
  await insertKey(database.db, 'taken');
  // The failing statement's caller maps its error asynchronously (as services do), so the echoes settle first.
  const mappedLate = (statement: Promise<unknown>) => statement.catch(async (error: unknown) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    throw error;
  });
  const attempt = inTransaction(database.db, (tx) =>
    allStatements([insertKey(tx, 'fresh'), mappedLate(insertKey(tx, 'taken')), insertKey(tx, 'later-1'), insertKey(tx, 'later-2')]),
  );
  expect(violatedUniqueConstraint(await attempt.catch((e: unknown) => e))).toBe('pipeline_probe_pkey');
  // Nothing of the batch was kept.
  const kept = await database.db.execute<{ key: string }>(sql`select key from pipeline_probe`);
  expect(kept.map((r) => r.key)).toEqual(['taken']);
});

it('returns each statement’s result in order when all succeed', async () => {
  const [a, b] = await inTransaction(database.db, (tx) => allStatements([tx.execute<{ v: number }>(sql`select ${1}::int as v`), tx.execute<{ v: number }>(sql`select ${2}::int as v`)]));
  expect([a[0]!.v, b[0]!.v]).toEqual([1, 2]);
});
