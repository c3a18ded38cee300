import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runMigrations, violatedUniqueConstraint } from '../src/index.ts';
import { insertAddress } from '../src/queries/addresses.ts';
import { createTestDatabase, migrationsUpTo, type TestDatabase } from '../src/testing.ts';

/**
 * Migration 0018 (keys led by organization_id) on a database that already holds rows: they stay, every address gets
 * its claim, the namespace is still one across organizations, and the look-ups by secret or address keep an index.
 */
const BEFORE = '0017_mailserver_resources';
const ORG_A = 'm-00000000000000000000000000000a0a';
const ORG_B = 'm-00000000000000000000000000000b0b';
const USER = '00000000-0000-4000-8000-0000000000a1';

let database: TestDatabase;
let olderFolder: string;

beforeAll(async () => {
  database = await createTestDatabase({ empty: true });
  olderFolder = await migrationsUpTo(BEFORE);
  await runMigrations(database.url, olderFolder);
  await database.db.execute(
    sql.raw(`
    insert into accounts (id, name, aws_account_id, max_organizations) values ('00000000-0000-4000-8000-000000000001', 'a', '111111111111', 5);
    insert into organizations (id, account_id, alias, state, directory_type, created_at) values
      ('${ORG_A}', '00000000-0000-4000-8000-000000000001', 'a', 'Active', 'WorkMailDirectory', now()),
      ('${ORG_B}', '00000000-0000-4000-8000-000000000001', 'b', 'Active', 'WorkMailDirectory', now());
    insert into addresses (address, organization_id, entity_id, entity_type, is_primary, origin, created_at) values
      ('ann@a.example', '${ORG_A}', '${USER}', 'USER', true, 'operator', now()),
      ('ann.alias@a.example', '${ORG_A}', '${USER}', 'USER', false, 'operator', now());
    insert into user_imports (id, organization_id, state, file_name, total_rows, valid_rows, report, created_by, created_at) values
      ('00000000-0000-4000-8000-0000000000f1', '${ORG_A}', 'done', 'a.csv', 1, 1, '{}', 'op', now());
    insert into password_history (organization_id, user_id, password_hash, created_at) values ('${ORG_A}', '${USER}', 'h', now());
    insert into password_reset_tokens (token_hash, organization_id, user_id, issued_by, created_at, expires_at) values ('t1', '${ORG_A}', '${USER}', 'self', now(), now());
    insert into user_sessions (id_hash, organization_id, user_id, created_at, expires_at, last_seen_at) values ('s1', '${ORG_A}', '${USER}', now(), now(), now())`),
  );
  await runMigrations(database.url);
});
afterAll(async () => {
  await database.drop();
  await rm(olderFolder, { recursive: true, force: true });
});

const count = async (table: string) => (await database.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

it('keeps the rows and claims every address that was there', async () => {
  for (const table of ['user_imports', 'password_history', 'password_reset_tokens', 'user_sessions']) expect(await count(table), table).toBe(1);
  const claims = await database.db.execute<{ address: string; organization_id: string }>(sql`select address, organization_id from address_claims order by address`);
  expect(claims.map((c) => [c.address, c.organization_id])).toEqual([
    ['ann.alias@a.example', ORG_A],
    ['ann@a.example', ORG_A],
  ]);
});

it('keeps one address namespace across organizations, and frees the claim with its address', async () => {
  const row = { organizationId: ORG_B, entityId: USER, entityType: 'USER' as const, isPrimary: true, origin: 'operator' as const, createdAt: new Date() };
  const elsewhere = await insertAddress(database.db, { ...row, address: 'ann@a.example' }).catch((e: unknown) => e);
  expect(violatedUniqueConstraint(elsewhere)).toBe('address_claims_pkey');
  const again = await insertAddress(database.db, { ...row, organizationId: ORG_A, address: 'ann@a.example' }).catch((e: unknown) => e);
  expect(violatedUniqueConstraint(again)).toBe('addresses_organization_id_address_pk');
  expect(await count('addresses')).toBe(2);

  await database.db.execute(sql`delete from addresses where address = 'ann@a.example'`);
  expect(await count('address_claims')).toBe(1);
  await insertAddress(database.db, { ...row, address: 'ann@a.example' });
  expect((await database.db.execute<{ o: string }>(sql`select organization_id as o from address_claims where address = 'ann@a.example'`))[0]!.o).toBe(ORG_B);
});

it('answers each look-up with an index', async () => {
  const plans: [string, string][] = [
    ["select * from addresses where address = 'ann@a.example'", 'addresses_address_idx'],
    ["select * from user_sessions where id_hash = 's1'", 'user_sessions_id_hash_idx'],
    ["select * from password_reset_tokens where token_hash = 't1'", 'password_reset_tokens_token_hash_idx'],
    [`select * from user_imports where organization_id = '${ORG_A}' order by created_at desc, id desc limit 20`, 'user_imports_org_idx'],
    [`select * from password_history where organization_id = '${ORG_A}' and id = 1`, 'password_history_organization_id_id_pk'],
  ];
  // The tables are tiny, so a sequential scan would win on cost: forbid it to see which index the planner has.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    for (const [query, index] of plans) {
      const rows = await tx.execute<{ 'QUERY PLAN': string }>(sql.raw(`explain ${query}`));
      expect(rows.map((r) => r['QUERY PLAN']).join('\n'), query).toContain(index);
    }
  });
});
