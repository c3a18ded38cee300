import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, inTransaction, type DatabaseClient } from '../src/index.ts';
import { lockMailboxesByAddress, recordMailboxUsage } from '../src/queries/mailbox-usage.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

// A mail server reports up to a thousand mailboxes at a time: a statement per report size would be a thousand prepared
// statements on every connection. (What the reports record is tested through the endpoint, apps/server mailbox-quota.)
let database: TestDatabase;
let one: DatabaseClient;
beforeAll(async () => {
  database = await createTestDatabase();
  one = connect(database.url, { max: 1 });
});
afterAll(async () => {
  await one.close();
  await database.drop();
});

it('reads and records a usage report of any size with the same two prepared statements', async () => {
  const prepared = await inTransaction(one.db, async (tx) => {
    for (const size of [1, 3, 1000]) {
      const addresses = Array.from({ length: size }, (_, i) => `u${i}@example.com`);
      await lockMailboxesByAddress(tx, addresses);
      await recordMailboxUsage(tx, addresses.map((_, i) => ({ organizationId: 'm-x', userId: randomUUID(), usageBytes: 3 * 2 ** 31 + i })), new Date());
    }
    return tx.execute<{ statement: string }>(sql`select statement from pg_prepared_statements where from_sql = false and (statement like '%from "addresses"%' or statement like '%update mailboxes%')`);
  });
  expect(prepared).toHaveLength(2);
});
