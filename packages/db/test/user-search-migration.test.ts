import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runMigrations } from '../src/index.ts';
import { countUsers, listUsersPage } from '../src/queries/user-list.ts';
import { createTestDatabase, migrationsUpTo, type TestDatabase } from '../src/testing.ts';

/** Migration 0023 (the users search's own table) on a database that already holds users: each gets its row. */
const ORG = 'm-00000000000000000000000000000c0c';
let database: TestDatabase;
let olderFolder: string;

beforeAll(async () => {
  database = await createTestDatabase({ empty: true });
  olderFolder = await migrationsUpTo('0022_migration_runs');
  await runMigrations(database.url, olderFolder);
  await database.db.execute(
    sql.raw(`
    insert into accounts (id, name, aws_account_id, max_organizations) values ('00000000-0000-4000-8000-000000000001', 'a', '111111111111', 5);
    insert into organizations (id, account_id, alias, state, directory_type, created_at) values ('${ORG}', '00000000-0000-4000-8000-000000000001', 'c', 'Active', 'WorkMailDirectory', now());
    insert into users (organization_id, id, name, display_name, role, state, primary_email, created_at, updated_at) values
      ('${ORG}', '00000000-0000-4000-8000-0000000000a1', 'ann', 'Ann Öberg', 'USER', 'ENABLED', 'ann@c.example', now(), now()),
      ('${ORG}', '00000000-0000-4000-8000-0000000000a2', 'bob', 'Bob Ray', 'USER', 'DISABLED', null, now(), now());
    insert into addresses (address, organization_id, entity_id, entity_type, is_primary, origin, created_at) values
      ('ann@c.example', '${ORG}', '00000000-0000-4000-8000-0000000000a1', 'USER', true, 'operator', now()),
      ('sales@c.example', '${ORG}', '00000000-0000-4000-8000-0000000000a1', 'USER', false, 'operator', now());`),
  );
  await runMigrations(database.url);
});
afterAll(async () => {
  await database.drop();
  await rm(olderFolder, { recursive: true, force: true });
});

const search = (text: string) => listUsersPage(database.db, { organizationId: ORG, search: text, after: null, limit: 10 }).then((rows) => rows.map((r) => r.name));

it('gives every user that was there its search row, aliases included', async () => {
  expect(await search('sales')).toEqual(['ann']);
  expect(await search('oberg')).toEqual(['ann']);
  expect(await search('ra')).toEqual(['bob']);
  expect(await countUsers(database.db, { organizationId: ORG, search: 'c.example' })).toEqual({ count: 1, exact: true });
});
