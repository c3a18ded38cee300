import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { DEFAULT_ACCESS_RULE } from '@mailyard/core/access-control';
import { DEFAULT_RULE as DEFAULT_DEVICE_RULE } from '@mailyard/core/mobile-access';
import type { Db } from '../client.ts';
import { upsertAccessControlRule } from '../queries/access-control-rules.ts';
import { insertMobileDeviceAccessRule } from '../queries/mobile-access.ts';

/**
 * The benchmark's data (`pnpm bench`, `bench/seed.ts`), kept apart from the product's queries. Seeding is bulk SQL
 * (`insert … select generate_series`) with one precomputed password hash, so a million users take minutes rather than
 * hours of argon2.
 */

/**
 * Users in organization `k`: by default 100,000 in the first, 900,000 spread over the other 999 (the first 900 get
 * 901); `sizes` sets the first's and every other's count instead (the throughput benchmark's smaller data).
 */
const usersPerOrganization = (k: SQL, sizes?: BenchSizes) =>
  sizes
    ? sql`case when ${k} = 1 then ${sql.raw(String(Math.trunc(sizes.first)))} else ${sql.raw(String(Math.trunc(sizes.others)))} end`
    : sql`case when ${k} = 1 then 100000 when ${k} <= 901 then 901 else 900 end`;

export interface BenchSizes {
  first: number;
  others: number;
}

export async function benchOrganizationCount(db: Db): Promise<{ organizations: number; others: number; users: number }> {
  const rows = await db.execute<{ organizations: number; others: number; users: number }>(sql`
    select (select count(*)::int from organizations where alias like 'bench-%') as organizations,
           (select count(*)::int from organizations where alias like 'other-%') as others,
           (select count(*)::int from users u join organizations o on o.id = u.organization_id where o.alias like 'bench-%') as users`);
  return rows[0]!;
}

/**
 * `count` Active organizations of the account, each with its built-in directory, a verified default domain and the
 * default access and mobile device rules every new organization gets (without them the portal and devices are refused).
 */
export async function seedBenchOrganizations(db: Db, q: { accountId: string; count: number; at: Date }): Promise<void> {
  const at = q.at.toISOString();
  await db.execute(sql`
    insert into organizations (id, account_id, alias, state, directory_type, directory_id, default_mail_domain, created_at, completed_at)
    select 'm-' || md5('bench-org-' || k), ${q.accountId}, 'bench-' || lpad(k::text, 4, '0'), 'Active', 'WorkMailDirectory',
           'd-' || left(md5('bench-dir-' || k), 10), 'bench-' || lpad(k::text, 4, '0') || '.bench.test', ${at}, ${at}
    from generate_series(1, ${q.count}) as k`);
  await db.execute(sql`
    insert into directories (organization_id, id, type, nested_groups, created_at)
    select id, directory_id, 'WorkMailDirectory', false, created_at from organizations where alias like 'bench-%'`);
  await db.execute(sql`
    insert into mail_domains (organization_id, domain, is_test_domain, is_default, verification_status, verified_at, created_at)
    select id, default_mail_domain, true, true, 'VERIFIED', created_at, created_at from organizations where alias like 'bench-%'`);
  // Through the product's own queries, so the rules are exactly what a new organization gets.
  const created = await db.execute<{ id: string }>(sql`select id from organizations where alias like 'bench-%'`);
  for (const { id } of created) {
    await upsertAccessControlRule(db, id, DEFAULT_ACCESS_RULE, q.at);
    await insertMobileDeviceAccessRule(db, { ...DEFAULT_DEVICE_RULE, organizationId: id, id: randomUUID(), clientToken: null, at: q.at });
  }
}

/**
 * `accounts` other accounts of `each` Active organizations apiece, without users: a server hosts many tenants, and one
 * account's organizations list must be read through its index, not by reading the table (which a table holding only
 * that account's rows would make the planner's cheapest way).
 */
export async function seedOtherAccounts(db: Db, q: { accounts: number; each: number; at: Date }): Promise<void> {
  const at = q.at.toISOString();
  await db.execute(sql`
    insert into accounts (id, name, aws_account_id, max_organizations, created_at)
    select md5('bench-account-' || a)::uuid, 'Other ' || a, '1' || lpad(a::text, 11, '0'), ${q.each}, ${at}
    from generate_series(1, ${q.accounts}) as a`);
  await db.execute(sql`
    insert into organizations (id, account_id, alias, state, directory_type, directory_id, default_mail_domain, created_at, completed_at)
    select 'm-' || md5('other-org-' || a || '-' || k), md5('bench-account-' || a)::uuid, 'other-' || a || '-' || k, 'Active',
           'WorkMailDirectory', 'd-' || left(md5('other-dir-' || a || '-' || k), 10), 'other-' || a || '-' || k || '.other.test', ${at}, ${at}
    from generate_series(1, ${q.accounts}) as a, generate_series(1, ${q.each}) as k`);
}

/**
 * The users of organizations `from`..`to`, enabled, with their primary address and mailbox. Names are varied so the
 * name, display-name, address and creation orders differ: user name `asmith123`, display name `Alice Smith`, address
 * `alice.smith123@<domain>`, created a minute apart. Some last names carry accents (`Müller`, `López`) for the
 * accent-insensitive search, and every tenth user has an alias `smith.alice120@<domain>` (last name, first name) for the search by alias.
 */
export async function seedBenchUsers(db: Db, q: { from: number; to: number; passwordHash: string; at: Date; sizes?: BenchSizes }): Promise<number> {
  const at = q.at.toISOString();
  const first = sql`(array['Alice','Bruno','Chloe','Dmitri','Elena','Farid','Grace','Hiro','Inès','Jonas','Kaori','Liam','Maya','Nils','Olga','Pablo','Quinn','Rosa','Sven','Tara','Umar','Vera','Wen','Xavier','Yara','Zoe'])[1 + (i * 7) % 26]`;
  const last = sql`(array['Smith','Garcia','Müller','Rossi','Kowalski','Nguyen','Haddad','Okafor','Tanaka','Silva','Novak','Jensen','Dubois','Moreau','Ivanova','Costa','Murphy','Sato','Larsen','Weber','Khan','López','Berg','Fischer','Petrov','Hansen','Schmidt','Romano','Kim','Park'])[1 + (i * 13 + k) % 30]`;
  const rows = await db.execute<{ n: number }>(sql`
    with orgs as (
      select id, default_mail_domain as domain, substr(alias, 7)::int as k from organizations
      where alias like 'bench-%' and substr(alias, 7)::int between ${q.from} and ${q.to}
    ), people as (
      select o.id as organization_id, o.domain, o.k, i, ${first} as first, ${last} as last
      from orgs o, generate_series(1, ${usersPerOrganization(sql`o.k`, q.sizes)}) as i
    ), inserted as (
      insert into users (organization_id, id, name, display_name, first_name, last_name, role, state, primary_email, password_hash, enabled_at, created_at, updated_at)
      select organization_id, md5('bench-user-' || k || '-' || i)::uuid, lower(left(first, 1) || last) || i, first || ' ' || last, first, last,
             'USER', 'ENABLED', lower(first || '.' || last) || i || '@' || domain, ${q.passwordHash}, ${at}, ${at}::timestamptz - i * interval '1 minute', ${at}
      from people
      returning organization_id, id, primary_email, first_name, last_name, name
    ), addressed as (
      insert into addresses (address, organization_id, entity_id, entity_type, is_primary, origin, created_at)
      select primary_email, organization_id, id, 'USER', true, 'system', ${at}::timestamptz from inserted
      union all
      select lower(last_name || '.' || first_name) || substring(name from '[0-9]+$') || '@' || split_part(primary_email, '@', 2), organization_id, id, 'USER', false, 'system', ${at}::timestamptz
      from inserted where substring(name from '[0-9]+$')::int % 10 = 0
      returning address, organization_id
    ), claimed as (
      insert into address_claims (address, organization_id) select address, organization_id from addressed
    ), mailboxed as (
      insert into mailboxes (organization_id, entity_id, quota_mb, provisioned_at)
      select organization_id, id, 51200, ${at} from inserted
      returning 1
    )
    select count(*)::int as n from mailboxed`);
  return rows[0]?.n ?? 0;
}

/** Fresh statistics and visibility map after the bulk load, as autovacuum would leave them. */
export async function vacuumAnalyzeBench(db: Db): Promise<void> {
  for (const table of ['users', 'user_search', 'addresses', 'address_claims', 'mailboxes', 'organizations', 'mail_domains']) await db.execute(sql.raw(`vacuum (analyze) ${table}`));
}

/** Removes the users a benchmark run created (their names start with `prefix`), so the sizes stay as seeded. */
export async function deleteBenchCreatedUsers(db: Db, organizationId: string, prefix: string): Promise<void> {
  const like = `${prefix}%`;
  await db.execute(sql`delete from addresses where organization_id = ${organizationId} and entity_id in (select id from users where organization_id = ${organizationId} and name like ${like})`);
  await db.execute(sql`delete from mailboxes where organization_id = ${organizationId} and entity_id in (select id from users where organization_id = ${organizationId} and name like ${like})`);
  await db.execute(sql`delete from password_history where organization_id = ${organizationId} and user_id in (select id from users where organization_id = ${organizationId} and name like ${like})`);
  await db.execute(sql`delete from users where organization_id = ${organizationId} and name like ${like}`);
}
