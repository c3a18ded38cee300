import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runMigrations, violatedUniqueConstraint } from '../src/index.ts';
import { insertMailDomain } from '../src/queries/mail-domains.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

it('applies migrations idempotently (every start runs them)', async () => {
  await runMigrations(database.url);
  await runMigrations(database.url);
});

it('names the unique constraint a racing insert violated', async () => {
  const domain = {
    organizationId: 'm-0',
    domain: 'a.example',
    isTestDomain: false,
    isDefault: false,
    ownershipStatus: 'VERIFIED' as const,
    dkimStatus: 'VERIFIED' as const,
    ownershipToken: null,
    verifiedAt: new Date(),
    nextCheckAt: null,
    clientToken: null,
    createdAt: new Date(),
  };
  await database.db.execute(
    sql`insert into accounts (id, name, aws_account_id, max_organizations) values ('00000000-0000-0000-0000-000000000001', 'a', '111111111111', 1);
      insert into organizations (id, account_id, alias, state, directory_type, created_at) values ('m-0', '00000000-0000-0000-0000-000000000001', 'a', 'Active', 'WorkMailDirectory', now())`,
  );
  await insertMailDomain(database.db, domain);
  // The same domain for the same organization is a no-op (idempotent workflow step)…
  expect(await insertMailDomain(database.db, domain)).toBe(false);
  // …and a plain duplicate insert surfaces the constraint name services map to domain errors.
  const error = await database.db.execute(sql`insert into mail_domains (organization_id, domain, is_test_domain, is_default, verification_status, created_at) values ('m-0', 'a.example', false, false, 'VERIFIED', now())`).catch((e) => e);
  expect(violatedUniqueConstraint(error)).toBe('mail_domains_organization_id_domain_pk');
});
