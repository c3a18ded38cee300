import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

/**
 * The Citus-ready rule (DESIGN §6, docs/scaling.md): every organization-scoped table carries a NOT NULL
 * `organization_id`, and its primary key, its unique keys and its indexes lead with it, so the table can be
 * distributed by organization and each key checked on one shard. Checked against the migrated schema, so a new
 * table or index is held to it the day it is added; each exception below says why it is one.
 */

/** Tables without `organization_id`: not owned by an organization. */
const NOT_ORGANIZATION_SCOPED: Record<string, string> = {
  accounts: 'the tenant root, above organizations: a reference table on Citus',
  operators: "an account's console users (e-mail unique across the system): reference table",
  operator_sessions: "operators' console sessions: with operators",
  api_tokens: "an account's script tokens: reference table",
  access_keys: "an account's SigV4 keys, looked up by key id before anything else: reference table",
  ldap_directories: "an account's registered directories, shared by its organizations: reference table",
  organizations: 'the distribution table itself: its `id` is the organization id (distributed by `id`)',
  jobs: 'the job queue, claimed across all organizations by any replica: stays on the coordinator (local table)',
  rate_limits: 'counters keyed by address or IP before any organization is known: local table',
};

/** Tables with `organization_id` that do not follow the rule yet, or by design. */
const TABLE_EXCEPTIONS: Record<string, string> = {
  address_claims:
    'the system-wide address namespace (an address belongs to one entity across all organizations): keyed by the address, its `organization_id` only points back at `addresses`; on Citus distributed by `address` or kept on the coordinator',
  audit_events:
    'holds account-level events too (operators, tokens, keys, directories: `organization_id` null) and is keyed by a global sequence; to distribute it, account events move to a table of their own (docs/scaling.md)',
  outbox:
    "`sendNotice` accepts installation-level mail (`organization_id` null; no caller sends one today) and rows are keyed by a global sequence: once that contract says organization only, (organization_id, id) as audit_events",
};

/** Keys and indexes of organization-scoped tables that lead with another column, each for a look-up made before the organization is known. */
const INDEX_EXCEPTIONS: Record<string, string> = {
  addresses_address_idx: 'who holds an address (sign-in by alias, "in use by …"): on Citus through address_claims first',
  user_sessions_id_hash_idx: 'the portal cookie holds the secret alone: on Citus the cookie must name the organization',
  password_reset_tokens_token_hash_idx: 'the reset link holds the token alone: on Citus the link must name the organization',
  mail_domains_verified_domain_key:
    'a verified domain belongs to one organization across the system: on Citus this uniqueness moves to a claims table like addresses',
  mail_domains_next_check_idx: 'the domain-check sweep over every organization: on Citus it runs on each shard',
};

interface IndexRow {
  table: string;
  index: string;
  primary: boolean;
  unique: boolean;
  firstColumn: string | null;
}

let database: TestDatabase;
let tables: { name: string; organizationId: 'NO' | 'YES' | null }[];
let indexes: IndexRow[];

beforeAll(async () => {
  database = await createTestDatabase();
  tables = await database.db.execute<{ name: string; organizationId: 'NO' | 'YES' | null }>(sql`
    select t.table_name as name, c.is_nullable as "organizationId"
    from information_schema.tables t
    left join information_schema.columns c on c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'organization_id'
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`);
  indexes = await database.db.execute<IndexRow>(sql`
    select c.relname as "table", i.relname as "index", x.indisprimary as "primary", x.indisunique as "unique",
           (select attname from pg_attribute where attrelid = c.oid and attnum = x.indkey[0]) as "firstColumn"
    from pg_index x
    join pg_class c on c.oid = x.indrelid
    join pg_class i on i.oid = x.indexrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'`);
});
afterAll(() => database.drop());

const scoped = () => tables.filter((t) => t.organizationId !== null && !(t.name in TABLE_EXCEPTIONS));

describe('every organization-scoped table is ready to be distributed by organization_id', () => {
  it('names every table without organization_id, and every exception is a real table', () => {
    const without = tables.filter((t) => t.organizationId === null).map((t) => t.name);
    expect(without.sort()).toEqual(Object.keys(NOT_ORGANIZATION_SCOPED).sort());
    for (const name of Object.keys(TABLE_EXCEPTIONS)) expect(tables.find((t) => t.name === name)?.organizationId).not.toBeNull();
  });

  it('has organization_id NOT NULL', () => {
    expect(scoped().filter((t) => t.organizationId !== 'NO').map((t) => t.name)).toEqual([]);
  });

  it('leads its primary key, its unique keys and its indexes with organization_id', () => {
    const names = new Set(scoped().map((t) => t.name));
    const offending = indexes
      .filter((i) => names.has(i.table) && i.firstColumn !== 'organization_id' && !(i.index in INDEX_EXCEPTIONS))
      .map((i) => `${i.table}.${i.index}${i.primary ? ' (primary key)' : i.unique ? ' (unique)' : ''}`);
    expect(offending).toEqual([]);
    expect(scoped().filter((t) => !indexes.some((i) => i.table === t.name && i.primary)).map((t) => t.name)).toEqual([]);
  });

  it('lists no exception for an index that is gone or already complies', () => {
    for (const name of Object.keys(INDEX_EXCEPTIONS)) {
      const row = indexes.find((i) => i.index === name);
      expect(row, name).toBeDefined();
      expect(row!.firstColumn, name).not.toBe('organization_id');
    }
  });
});
