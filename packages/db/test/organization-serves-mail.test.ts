import { sql } from 'drizzle-orm';
import { organizationStates, servesMail } from '@mailyard/core/organizations';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

/** The mailserver views decide in SQL which organizations' mail flows; core decides it for everything else. */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

it.each(organizationStates)('organization_serves_mail agrees with servesMail for %s', async (state) => {
  const [row] = await database.db.execute<{ serves: boolean }>(sql`select organization_serves_mail(${state}) as serves`);
  expect(row!.serves).toBe(servesMail(state));
});

it('serves mail in Active, Validating and Impaired only', () => {
  expect(organizationStates.filter(servesMail)).toEqual(['Active', 'Validating', 'Impaired']);
});
