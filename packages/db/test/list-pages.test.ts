import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityState } from '@mailyard/core/entities';
import { sql } from 'drizzle-orm';
import { deleteAddress, insertAddress, setPrimaryAddress } from '../src/queries/addresses.ts';
import { countAuditEvents } from '../src/queries/audit.ts';
import { countGroups, insertGroup, listGroupsPage, type GroupsPageQuery } from '../src/queries/groups.ts';
import { insertAccount } from '../src/queries/operators.ts';
import { insertOrganization } from '../src/queries/organizations.ts';
import { SAMPLE_ENOUGH, sampledTotal } from '../src/list-total.ts';
import { countResources, insertResource, listResourcesPage, updateResource, type ResourcesPageQuery } from '../src/queries/resources.ts';
import { countUsers, listUsersPage, type UsersPageQuery } from '../src/queries/user-list.ts';
import { insertUser, updateUser } from '../src/queries/users.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

/**
 * The console's lists in PostgreSQL: fragment search (anywhere, aliases, without case or accents), every sort order
 * paged by keyset in both directions, and totals — against the real indexes and extensions of the migrations.
 */
let database: TestDatabase;
const accountId = randomUUID();
const orgA = 'm-lists-a';
const orgB = 'm-lists-b';

interface Person {
  id: string;
  name: string;
  displayName: string;
  email: string | null;
  aliases?: string[];
  state: EntityState;
  createdAt: Date;
}

const people: Person[] = [];
const base = Date.parse('2026-01-01T00:00:00Z');

async function addUser(organizationId: string, p: Omit<Person, 'id' | 'createdAt'> & { createdAt?: Date }): Promise<Person> {
  const person = { id: randomUUID(), createdAt: p.createdAt ?? new Date(base + people.length * 60_000), ...p };
  await insertUser(database.db, {
    organizationId,
    id: person.id,
    name: person.name,
    displayName: person.displayName,
    hiddenFromGlobalAddressList: false,
    role: 'USER',
    passwordHash: null,
    createdAt: person.createdAt,
    ...(person.email && person.state === 'ENABLED' ? { enabledWith: { email: person.email } } : {}),
  });
  for (const [i, address] of [person.email, ...(person.aliases ?? [])].entries()) {
    if (address) {
      await insertAddress(database.db, { address, organizationId, entityId: person.id, entityType: 'USER', isPrimary: i === 0, origin: 'operator', createdAt: person.createdAt });
    }
  }
  if (organizationId === orgA) people.push(person);
  return person;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await insertAccount(database.db, { id: accountId, name: 'lists', awsAccountId: '111111111111', maxOrganizations: 5 });
  for (const id of [orgA, orgB]) {
    await insertOrganization(database.db, { id, accountId, alias: id, state: 'Active', directoryType: 'WorkMailDirectory', clientToken: null, createdAt: new Date(base) });
  }
  await addUser(orgA, { name: 'jdoe', displayName: 'John Doe', email: 'jdoe@a.test', aliases: ['john.doe@a.test'], state: 'ENABLED' });
  await addUser(orgA, { name: 'amaple', displayName: 'Ann Maple', email: 'ann.maple@a.test', state: 'ENABLED' });
  await addUser(orgA, { name: 'jsmith', displayName: 'Jo Smith', email: 'jo@a.test', state: 'ENABLED' });
  await addUser(orgA, { name: 'zmuller', displayName: 'Zoë Müller', email: 'zoe@a.test', state: 'ENABLED' });
  await addUser(orgA, { name: 'jlopez', displayName: 'José López', email: null, state: 'DISABLED' });
  await addUser(orgA, { name: 'odd_100%', displayName: 'Odd Percent', email: 'odd@a.test', state: 'ENABLED' });
  await addUser(orgA, { name: 'mwest', displayName: 'Mae West', email: 'mae@a.test', state: 'ENABLED' });
  await addUser(orgA, { name: 'kwan', displayName: 'Kim Wan', email: 'kim@a.test', aliases: ['help.desk@a.test', 'help.desk2@a.test'], state: 'ENABLED' });
  // Many people with the same few display names and creation times: ties in every order but the name's.
  for (let i = 0; i < 40; i++) {
    await addUser(orgA, {
      name: `person${String(i).padStart(2, '0')}`,
      displayName: `Bulk Person ${i % 4}`,
      email: i % 5 === 0 ? null : `person${i}@a.test`,
      state: i % 5 === 0 ? 'DISABLED' : 'ENABLED',
      createdAt: new Date(base + (i % 3) * 60_000),
    });
  }
  // Another organization, whose matches must never show in the first one's lists.
  await addUser(orgB, { name: 'bsmith', displayName: 'Bea Smith Maple', email: 'maple@b.test', aliases: ['john.doe@b.test'], state: 'ENABLED' });
});
afterAll(() => database.drop());

const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();
const search = (text: string, more: Partial<UsersPageQuery> = {}) =>
  listUsersPage(database.db, { organizationId: orgA, search: text, after: null, limit: 100, ...more }).then(names);

describe('the users search', () => {
  it('finds a fragment anywhere in the user name, display name or primary address', async () => {
    expect(await search('maple')).toEqual(['amaple']);
    expect(await search('smith')).toEqual(['jsmith']);
    expect(await search('ANN.MA')).toEqual(['amaple']);
  });

  it('finds users by an alias, and by a fragment of one', async () => {
    expect(await search('john.doe')).toEqual(['jdoe']);
    expect(await search('n.do')).toEqual(['jdoe']);
  });

  it('lists and counts a user once, however many of its texts match', async () => {
    // Two aliases match; the own text and an alias match.
    expect(await search('help.desk')).toEqual(['kwan']);
    expect(await search('doe')).toEqual(['jdoe']);
    expect(await countUsers(database.db, { organizationId: orgA, search: 'help.desk' })).toEqual({ count: 1, exact: true });
    expect(await countUsers(database.db, { organizationId: orgA, search: 'doe' })).toEqual({ count: 1, exact: true });
  });

  it('ignores accents on either side', async () => {
    expect(await search('muller')).toEqual(['zmuller']);
    expect(await search('Zoe Mü')).toEqual(['zmuller']);
    expect(await search('lópez')).toEqual(['jlopez']);
  });

  it('takes % and _ literally', async () => {
    expect(await search('_100%')).toEqual(['odd_100%']);
    expect(await search('d_1')).toEqual(['odd_100%']);
    expect(await search('e%')).toEqual([]);
  });

  it('finds fragments too short for trigrams (from the index of their one- and two-character pieces)', async () => {
    expect(await search('dö')).toEqual(['jdoe']);
    expect(await search('ó')).toEqual(expect.arrayContaining(['jdoe', 'jlopez']));
    expect(await search('p.')).toEqual(['kwan']); // only in its aliases, help.desk@…
    expect(await search('%')).toEqual(['odd_100%']);
    // "æ" folds to "ae": the two characters a longer search's pieces never hold alone.
    expect(await search('æ')).toEqual(['mwest']);
    expect(await search('ww')).toEqual([]);
  });

  it('keeps to the organization asked for', async () => {
    expect(await search('bsmith')).toEqual([]);
    expect(await search('john.doe@b')).toEqual([]);
  });

  it('combines with the state filter and the WorkMail prefix filters', async () => {
    expect(await search('person', { state: 'DISABLED' })).toEqual(['person00', 'person05', 'person10', 'person15', 'person20', 'person25', 'person30', 'person35']);
    expect(await search('o', { namePrefix: 'js' })).toEqual(['jsmith']);
  });

  it('leaves WorkMail prefix filters exact: a prefix, not a fragment', async () => {
    const prefix = (q: Partial<UsersPageQuery>) => listUsersPage(database.db, { organizationId: orgA, after: null, limit: 100, ...q }).then(names);
    expect(await prefix({ namePrefix: 'maple' })).toEqual([]);
    expect(await prefix({ displayNamePrefix: 'ann m' })).toEqual(['amaple']);
    expect(await prefix({ emailPrefix: 'john.doe' })).toEqual([]);
  });
});

type Sort = NonNullable<UsersPageQuery['sort']>;
const codePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const keyOf: Record<Sort, (p: Person) => (string | number)[]> = {
  name: (p) => [p.name.toLowerCase()],
  displayName: (p) => [p.displayName.toLowerCase()],
  email: (p) => [p.email && p.state === 'ENABLED' ? p.email : ''],
  state: (p) => [p.state, p.name.toLowerCase()],
  createdAt: (p) => [p.createdAt.getTime()],
};

function expectedOrder(sort: Sort, descending: boolean, filter: (p: Person) => boolean): string[] {
  const compare = (a: Person, b: Person) => {
    const [ka, kb] = [[...keyOf[sort](a), a.id], [...keyOf[sort](b), b.id]];
    for (let i = 0; i < ka.length; i++) {
      const c = typeof ka[i] === 'number' ? (ka[i] as number) - (kb[i] as number) : codePoints(String(ka[i]), String(kb[i]));
      if (c !== 0) return descending ? -c : c;
    }
    return 0;
  };
  return people.filter(filter).sort(compare).map((p) => p.id);
}

/** Every row's id once, in order: the pages of `list` a client gets by passing each page's last position back. */
async function pageThrough(list: (after: string[] | null, limit: number) => Promise<{ id: string; position: string[] }[]>, limit = 7): Promise<string[]> {
  const seen: string[] = [];
  let after: string[] | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page = await list(after, limit);
    seen.push(...page.map((row) => row.id));
    if (page.length < limit) return seen;
    after = page.at(-1)!.position;
  }
  throw new Error('the pages never ended');
}

const walk = (q: Omit<UsersPageQuery, 'after' | 'limit'>) => pageThrough((after, limit) => listUsersPage(database.db, { ...q, after, limit }));

describe("a page proving its organization is the account's", () => {
  it('reads rows only when the organization is the given account’s, with or without a search', async () => {
    const stranger = randomUUID();
    for (const more of [{}, { search: 'maple' }, { search: 'j' }, { sort: 'email' as const, descending: true }]) {
      const q = { organizationId: orgA, after: null, limit: 5, ...more };
      expect((await listUsersPage(database.db, { ...q, accountId })).length).toBeGreaterThan(0);
      expect(await listUsersPage(database.db, { ...q, accountId: stranger })).toEqual([]);
    }
    // Another organization of the same account is not this one.
    expect(await listUsersPage(database.db, { organizationId: 'm-lists-none', accountId, after: null, limit: 5 })).toEqual([]);
  });
});

describe('the users sort orders', () => {
  for (const sort of ['name', 'displayName', 'email', 'state', 'createdAt'] as const) {
    for (const descending of [false, true]) {
      it(`pages through every user by ${sort} ${descending ? 'descending' : 'ascending'}, ties broken by id`, async () => {
        expect(await walk({ organizationId: orgA, sort, descending })).toEqual(expectedOrder(sort, descending, () => true));
      });
      it(`pages through a search's matches by ${sort} ${descending ? 'descending' : 'ascending'}`, async () => {
        const matches = (p: Person) => p.displayName.startsWith('Bulk');
        expect(await walk({ organizationId: orgA, sort, descending, search: 'person' })).toEqual(expectedOrder(sort, descending, matches));
      });
    }
  }
});

describe('the search rows (user_search) follow every change, kept by triggers', () => {
  const orgC = 'm-lists-c';
  const inC = (text: string) => listUsersPage(database.db, { organizationId: orgC, search: text, after: null, limit: 100 }).then(names);
  let user: Person;
  beforeAll(async () => {
    await insertOrganization(database.db, { id: orgC, accountId, alias: orgC, state: 'Active', directoryType: 'WorkMailDirectory', clientToken: null, createdAt: new Date(base) });
    user = await addUser(orgC, { name: 'rkeys', displayName: 'Rita Keys', email: 'rita@c.test', aliases: ['piano@c.test'], state: 'ENABLED' });
  });

  it('a rename, a new display name, a state', async () => {
    await updateUser(database.db, orgC, user.id, { name: 'rlocks', displayName: 'Rita Löcks', updatedAt: new Date() });
    expect(await inC('keys')).toEqual([]);
    expect(await inC('locks')).toEqual(['rlocks']);
    expect(await inC('lö')).toEqual(['rlocks']);
    await updateUser(database.db, orgC, user.id, { state: 'DISABLED', updatedAt: new Date() });
    expect(await listUsersPage(database.db, { organizationId: orgC, search: 'locks', state: 'DISABLED', after: null, limit: 10 }).then(names)).toEqual(['rlocks']);
    await updateUser(database.db, orgC, user.id, { state: 'DELETED', updatedAt: new Date() });
    expect(await inC('locks')).toEqual([]);
    await updateUser(database.db, orgC, user.id, { state: 'ENABLED', updatedAt: new Date() });
  });

  it('an alias added, removed or made primary', async () => {
    await insertAddress(database.db, { address: 'drums@c.test', organizationId: orgC, entityId: user.id, entityType: 'USER', isPrimary: false, origin: 'operator', createdAt: new Date() });
    expect(await inC('drums')).toEqual(['rlocks']);
    expect(await inC('piano')).toEqual(['rlocks']);
    await deleteAddress(database.db, { organizationId: orgC, entityId: user.id, address: 'piano@c.test' });
    expect(await inC('piano')).toEqual([]);
    // The former primary becomes an alias, still found; the new primary is found through the user's own text.
    await setPrimaryAddress(database.db, { organizationId: orgC, entityId: user.id, address: 'drums@c.test' });
    await updateUser(database.db, orgC, user.id, { email: 'drums@c.test', updatedAt: new Date() });
    expect(await inC('rita@')).toEqual(['rlocks']);
    expect(await inC('drums')).toEqual(['rlocks']);
    expect(await countUsers(database.db, { organizationId: orgC, search: 'c.test' })).toEqual({ count: 1, exact: true });
  });

  it('a user removed takes its row along', async () => {
    await database.db.execute(sql`delete from addresses where organization_id = ${orgC}`);
    await database.db.execute(sql`delete from users where organization_id = ${orgC}`);
    const [left] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from user_search where organization_id = ${orgC}`);
    expect(left?.n).toBe(0);
  });
});

describe('the users total', () => {
  it('counts exactly what the list holds, with or without a search', async () => {
    expect(await countUsers(database.db, { organizationId: orgA })).toEqual({ count: people.length, exact: true });
    expect(await countUsers(database.db, { organizationId: orgA, state: 'DISABLED' })).toEqual({ count: 9, exact: true });
    expect(await countUsers(database.db, { organizationId: orgA, search: 'person' })).toEqual({ count: 40, exact: true });
    // jdoe matches by its own address and its alias: counted once.
    expect(await countUsers(database.db, { organizationId: orgA, search: 'doe' })).toEqual({ count: 1, exact: true });
    expect(await countUsers(database.db, { organizationId: orgB, search: 'smith' })).toEqual({ count: 1, exact: true });
  });

  it('counts a search too short for trigrams exactly too', async () => {
    // The 40 "person…", Odd Percent and José López.
    expect(await countUsers(database.db, { organizationId: orgA, search: 'pe' })).toEqual({ count: 42, exact: true });
  });

  describe('of a search matching thousands', () => {
    const orgMany = 'm-lists-many';
    const CROWD = 3000;
    /** The crowd's ids in the sample of one in 16 (a UUID's last byte a multiple of 16), reckoned here rather than in SQL. */
    let inSample: string[] = [];
    beforeAll(async () => {
      await insertOrganization(database.db, { id: orgMany, accountId, alias: orgMany, state: 'Active', directoryType: 'WorkMailDirectory', clientToken: null, createdAt: new Date(base) });
      // Fixed ids (md5 of the position), so the sample holds the same users on every run.
      const rows = await database.db.execute<{ id: string }>(sql`
        insert into users (organization_id, id, name, display_name, role, state, created_at, updated_at)
        select ${orgMany}, md5('crowd-' || i)::uuid, 'crowd' || i, 'Crowd Member ' || i, 'USER', 'DISABLED', now(), now()
        from generate_series(1, ${CROWD}) as i
        returning id`);
      inSample = rows.map((r) => r.id).filter((id) => parseInt(id.slice(-2), 16) % 16 === 0);
      // Last in name order, and the only ones with a "q": a one-character search the walk cannot fill a page with.
      for (let i = 1; i <= 60; i++) await addUser(orgMany, { name: `zzq${i}`, displayName: `Quiet ${i}`, email: null, state: 'DISABLED' });
    });

    it('estimates the total from its sample bucket, and says it is an estimate', async () => {
      // Too few in the sample of one in 256 (about 12), enough in that of one in 16 (about 190): scaled up from it.
      expect(inSample.length).toBeGreaterThan(SAMPLE_ENOUGH);
      const estimate = { count: inSample.length * 16, exact: false };
      expect(await countUsers(database.db, { organizationId: orgMany, search: 'crowd' })).toEqual(estimate);
      // A short search through the index of short pieces, sampled alike.
      expect(await countUsers(database.db, { organizationId: orgMany, search: 'cr' })).toEqual(estimate);
      expect(await countUsers(database.db, { organizationId: orgMany, search: 'Member', state: 'DISABLED' })).toEqual(estimate);
      // The estimate is the sample's count scaled up, near the truth: 3,000 within a fifth.
      expect(Math.abs(estimate.count - CROWD)).toBeLessThan(CROWD / 5);
    });

    it('counts exactly a search whose sample promises few, and the filters still apply', async () => {
      // crowd1, crowd10…19, crowd100…199, crowd1000…1999: 1,111 users.
      expect(await countUsers(database.db, { organizationId: orgMany, search: 'crowd1' })).toEqual({ count: 1111, exact: true });
      expect(await countUsers(database.db, { organizationId: orgMany, search: 'crowd', state: 'ENABLED' })).toEqual({ count: 0, exact: true });
      expect(await countUsers(database.db, { organizationId: orgA, search: 'crowd' })).toEqual({ count: 0, exact: true });
    });

    it('still lists the first page of the crowd in order', async () => {
      const page = await listUsersPage(database.db, { organizationId: orgMany, search: 'crowd', after: null, limit: 3 });
      expect(page.map((u) => u.name)).toEqual(['crowd1', 'crowd10', 'crowd100']);
    });

    it('stops at the first sample holding enough, from the smallest share up', async () => {
      const numbers = (n: number, every = 1) => sql`select g from generate_series(1, ${n}) as g where g % ${every} = 0`;
      const total = (n: number) => sampledTotal(database.db, { matching: numbers(n), samples: [{ query: numbers(n, 256), fraction: 256 }, { query: numbers(n, 16), fraction: 16 }] });
      // 40,000: 156 in the sample of one in 256, enough.
      expect(await total(40_000)).toEqual({ count: 156 * 256, exact: false });
      // 3,000: 11 in the first sample, 187 in the second.
      expect(await total(3_000)).toEqual({ count: 187 * 16, exact: false });
      // 2,000: 125 in the second sample, not more than enough: counted.
      expect(await total(2_000)).toEqual({ count: 2_000, exact: true });
      expect(await total(0)).toEqual({ count: 0, exact: true });
    });

    it('skips a sample the one before promises few, and counts every match at once', async () => {
      const numbers = (n: number, every = 1) => sql`select g from generate_series(1, ${n}) as g where g % ${every} = 0`;
      // A second sample that fails when it runs (a division by zero at run time, not when planned).
      const failing = sql`select g from generate_series(1, 1) as g where 1 / (g - g) = 1`;
      const total = (n: number) => sampledTotal(database.db, { matching: numbers(n), samples: [{ query: numbers(n, 256), fraction: 256 }, { query: failing, fraction: 16 }] });
      // 900: 3 in the sample of one in 256, which promises the next about 48 (under half of enough): skipped.
      expect(await total(900)).toEqual({ count: 900, exact: true });
      expect(await total(100)).toEqual({ count: 100, exact: true });
      // 1,100: 4, which promises about 64: the second sample runs (and here fails).
      await expect(total(1_100)).rejects.toMatchObject({ cause: { message: 'division by zero' } });
    });

    /** Every page of a search, following each page's last position, as the service's cursor does. */
    async function allPages(q: Omit<UsersPageQuery, 'after' | 'limit'>, limit: number): Promise<string[]> {
      const seen: string[] = [];
      let after: UsersPageQuery['after'] = null;
      for (;;) {
        const page = await listUsersPage(database.db, { ...q, after, limit: limit + 1 });
        seen.push(...page.slice(0, limit).map((u) => u.name));
        if (page.length <= limit) return seen;
        after = page[limit - 1]!.position;
      }
    }

    it('pages a one-character search found by walking the list as the index of short pieces pages it', async () => {
      // "w" (in every "crowd") fills each page within the walk; "cr" matches the same users through the index.
      const walked = await allPages({ organizationId: orgMany, search: 'w' }, 250);
      expect(walked).toHaveLength(CROWD);
      expect(walked).toEqual(await allPages({ organizationId: orgMany, search: 'cr' }, 250));
      for (const sort of ['name', 'displayName', 'email', 'state', 'createdAt'] as const) {
        for (const descending of [false, true]) {
          const q = { organizationId: orgMany, sort, descending, after: null, limit: 40 };
          const byWalk = await listUsersPage(database.db, { ...q, search: 'W' });
          expect(byWalk.map((u) => [u.name, u.position])).toEqual((await listUsersPage(database.db, { ...q, search: 'cr' })).map((u) => [u.name, u.position]));
        }
      }
    });

    it('finds a rare character beyond the walk through the index, in order', async () => {
      const expected = Array.from({ length: 60 }, (_, i) => `zzq${i + 1}`).sort();
      expect((await listUsersPage(database.db, { organizationId: orgMany, search: 'q', after: null, limit: 100 })).map((u) => u.name)).toEqual(expected);
      expect((await listUsersPage(database.db, { organizationId: orgMany, search: 'Q', after: null, limit: 51 })).map((u) => u.name)).toEqual(expected.slice(0, 51));
    });
  });
});

describe('the groups list', () => {
  const groupIds: { id: string; name: string; email: string | null }[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 12; i++) {
      const id = randomUUID();
      const name = i === 0 ? 'Équipe Ventes' : `team-${String(i).padStart(2, '0')}`;
      const email = i % 4 === 0 ? null : `team${i}@a.test`;
      await insertGroup(database.db, {
        organizationId: orgA,
        id,
        name,
        primaryEmail: email,
        state: email ? 'ENABLED' : 'DISABLED',
        hiddenFromGlobalAddressList: false,
        enabledAt: null,
        createdAt: new Date(base + (i % 2) * 1000),
      });
      if (email) await insertAddress(database.db, { address: email, organizationId: orgA, entityId: id, entityType: 'GROUP', isPrimary: true, origin: 'operator', createdAt: new Date() });
      groupIds.push({ id, name, email });
    }
    await insertAddress(database.db, { address: 'sales@a.test', organizationId: orgA, entityId: groupIds[1]!.id, entityType: 'GROUP', isPrimary: false, origin: 'operator', createdAt: new Date() });
  });
  const groupNames = (q: Partial<GroupsPageQuery>) => listGroupsPage(database.db, { organizationId: orgA, after: null, limit: 100, ...q }).then(names);

  it('finds a group by a fragment of its name (without accents), its address or an alias', async () => {
    expect(await groupNames({ search: 'equipe' })).toEqual(['Équipe Ventes']);
    expect(await groupNames({ search: 'ventes' })).toEqual(['Équipe Ventes']);
    expect(await groupNames({ search: 'am1@' })).toEqual(['team-01']);
    expect(await groupNames({ search: 'team1' })).toEqual(['team-01', 'team-10', 'team-11']);
    expect(await groupNames({ search: 'sales' })).toEqual(['team-01']);
    expect(await groupNames({ search: 'john' })).toEqual([]);
  });

  it("reads groups only when the organization is the given account's", async () => {
    for (const search of [undefined, 'team1', 'sales']) {
      expect((await groupNames({ search, accountId })).length).toBeGreaterThan(0);
      expect(await groupNames({ search, accountId: randomUUID() })).toEqual([]);
    }
  });

  it('pages through every sort order in both directions', async () => {
    for (const sort of ['name', 'email', 'state', 'createdAt'] as const) {
      for (const descending of [false, true]) {
        const all = await listGroupsPage(database.db, { organizationId: orgA, sort, descending, after: null, limit: 100 });
        const paged = await pageThrough((after, limit) => listGroupsPage(database.db, { organizationId: orgA, sort, descending, after, limit }), 5);
        expect(paged, `${sort} ${descending}`).toEqual(all.map((g) => g.id));
        expect(new Set(paged).size).toBe(12);
      }
    }
    const byEmail = await listGroupsPage(database.db, { organizationId: orgA, sort: 'email', after: null, limit: 100 });
    expect(byEmail.map((g) => g.email ?? '')).toEqual(byEmail.map((g) => g.email ?? '').sort(codePoints));
  });

  it('counts the groups, a search and an alias match once', async () => {
    expect(await countGroups(database.db, { organizationId: orgA })).toEqual({ count: 12, exact: true });
    expect(await countGroups(database.db, { organizationId: orgA, search: 'team1' })).toEqual({ count: 3, exact: true });
    expect(await countGroups(database.db, { organizationId: orgA, search: 'a.test' })).toEqual({ count: 9, exact: true });
  });
});

describe('the resources list', () => {
  const booking = { autoAcceptRequests: true, autoDeclineRecurringRequests: false, autoDeclineConflictingRequests: true };
  beforeAll(async () => {
    for (let i = 0; i < 11; i++) {
      const id = `r-${randomUUID().replace(/-/g, '')}`;
      const name = i === 0 ? 'salle.emeraude' : `room-${String(i).padStart(2, '0')}`;
      await insertResource(database.db, {
        organizationId: orgA,
        id,
        name,
        type: i % 3 === 0 ? 'EQUIPMENT' : 'ROOM',
        description: null,
        hiddenFromGlobalAddressList: false,
        bookingOptions: booking,
        createdAt: new Date(base + (i % 2) * 1000),
      });
      // Enabled with an address, as the service does: the search text follows the address (a generated column).
      if (i % 4 !== 1) await updateResource(database.db, orgA, id, { primaryEmail: `room${i}@a.test`, state: 'ENABLED', enabledAt: new Date(base) });
    }
    await insertResource(database.db, { organizationId: orgB, id: `r-${randomUUID().replace(/-/g, '')}`, name: 'room-b', type: 'ROOM', description: null, hiddenFromGlobalAddressList: false, bookingOptions: booking, createdAt: new Date(base) });
  });
  const resourceNames = (q: Partial<ResourcesPageQuery>) => listResourcesPage(database.db, { organizationId: orgA, after: null, limit: 100, ...q }).then(names);

  it('finds a resource by a fragment of its name or its address in any case, in its organization only', async () => {
    expect(await resourceNames({ search: 'emeraude' })).toEqual(['salle.emeraude']);
    expect(await resourceNames({ search: 'SALLE.E' })).toEqual(['salle.emeraude']);
    expect(await resourceNames({ search: 'om1' })).toEqual(['room-10']);
    expect(await resourceNames({ search: 'room1' })).toEqual(['room-10']);
    expect(await resourceNames({ search: 'room-b' })).toEqual([]);
    expect(await resourceNames({ search: 'll' })).toEqual(['salle.emeraude']);
  });

  it("reads resources only when the organization is the given account's", async () => {
    for (const search of [undefined, 'room1']) {
      expect((await resourceNames({ search, accountId })).length).toBeGreaterThan(0);
      expect(await resourceNames({ search, accountId: randomUUID() })).toEqual([]);
    }
  });

  it('pages through every sort order in both directions, each key in its order', async () => {
    for (const sort of ['name', 'type', 'email', 'state', 'createdAt'] as const) {
      for (const descending of [false, true]) {
        const all = await listResourcesPage(database.db, { organizationId: orgA, sort, descending, after: null, limit: 100 });
        const paged = await pageThrough((after, limit) => listResourcesPage(database.db, { organizationId: orgA, sort, descending, after, limit }), 4);
        expect(paged, `${sort} ${descending}`).toEqual(all.map((r) => r.id));
        expect(new Set(paged).size).toBe(11);
        const keys = all.map((r) => (sort === 'email' ? (r.email ?? '') : sort === 'createdAt' ? r.createdAt.toISOString() : sort === 'name' ? r.name.toLowerCase() : r[sort]));
        const sorted = [...keys].sort(codePoints);
        expect(keys, `${sort} ${descending}`).toEqual(descending ? sorted.reverse() : sorted);
      }
    }
  });

  it('counts the resources, with the state filter and a search', async () => {
    expect(await countResources(database.db, { organizationId: orgA })).toEqual({ count: 11, exact: true });
    expect(await countResources(database.db, { organizationId: orgA, state: 'DISABLED' })).toEqual({ count: 3, exact: true });
    expect(await countResources(database.db, { organizationId: orgA, search: 'room1' })).toEqual({ count: 1, exact: true });
    expect(await countResources(database.db, { organizationId: orgA, search: 'a.test' })).toEqual({ count: 8, exact: true });
  });
});

describe('the activity total', () => {
  const otherAccount = randomUUID();
  const orgT = 'm-lists-trail';
  const target = randomUUID();
  /** Inserts `count` events at once, a second apart after `after` seconds: every one by `actor`, on `target` for the first `onTarget`. */
  const addEvents = (q: { accountId: string; organizationId: string | null; count: number; actor: string; action: string; onTarget?: number; after?: number }) =>
    database.db.execute(sql`
      insert into audit_events (account_id, organization_id, actor_type, actor_id, actor_label, via, action, target_type, target_id, created_at)
      select ${q.accountId}, ${q.organizationId}, 'operator', null, ${q.actor}, 'session', ${q.action}, 'user',
             case when i <= ${q.onTarget ?? 0} then ${target} else 'other' end, ${new Date(base).toISOString()}::timestamptz + (${q.after ?? 0} + i) * interval '1 second'
      from generate_series(1, ${q.count}) as i`);

  beforeAll(async () => {
    await insertAccount(database.db, { id: otherAccount, name: 'others', awsAccountId: '222222222222', maxOrganizations: 5 });
    await insertOrganization(database.db, { id: orgT, accountId, alias: orgT, state: 'Active', directoryType: 'WorkMailDirectory', clientToken: null, createdAt: new Date(base) });
    await addEvents({ accountId, organizationId: orgT, count: 30, actor: 'Ops@Example.test', action: 'user.create', onTarget: 4 });
    await addEvents({ accountId, organizationId: orgT, count: 5, actor: 'Mailyard', action: 'group.delete' });
    await addEvents({ accountId, organizationId: null, count: 2, actor: 'ops@example.test', action: 'api_token.create' });
    // Another account's events, with the same actor and actions: never counted.
    await addEvents({ accountId: otherAccount, organizationId: null, count: 7, actor: 'ops@example.test', action: 'user.create' });
  });

  it('counts an organization, a target and the account exactly, each within its account', async () => {
    expect(await countAuditEvents(database.db, { accountId, organizationId: orgT })).toEqual({ count: 35, exact: true });
    expect(await countAuditEvents(database.db, { accountId, organizationId: orgT, targetId: target })).toEqual({ count: 4, exact: true });
    expect(await countAuditEvents(database.db, { accountId })).toEqual({ count: 37, exact: true });
    expect(await countAuditEvents(database.db, { accountId: otherAccount })).toEqual({ count: 7, exact: true });
  });

  it('counts the filters by actor (without case) and action exactly when the trail is short', async () => {
    expect(await countAuditEvents(database.db, { accountId, actorLabel: 'OPS@' })).toEqual({ count: 32, exact: true });
    expect(await countAuditEvents(database.db, { accountId, organizationId: orgT, actionPrefix: 'group.' })).toEqual({ count: 5, exact: true });
    expect(await countAuditEvents(database.db, { accountId, actorLabel: 'ops', actionPrefix: 'user.' })).toEqual({ count: 30, exact: true });
    expect(await countAuditEvents(database.db, { accountId, actorLabel: 'nobody' })).toEqual({ count: 0, exact: true });
    // The action's own "_" matches itself, not any character.
    expect(await countAuditEvents(database.db, { accountId, actionPrefix: 'api_' })).toEqual({ count: 2, exact: true });
  });

  it('estimates, labelled as such, a trail too long to count, filtered or not', async () => {
    const orgLong = 'm-lists-long-trail';
    await insertOrganization(database.db, { id: orgLong, accountId, alias: orgLong, state: 'Active', directoryType: 'WorkMailDirectory', clientToken: null, createdAt: new Date(base) });
    await addEvents({ accountId, organizationId: orgLong, count: 12_000, actor: 'bulk@example.test', action: 'user.update' });
    await addEvents({ accountId, organizationId: orgLong, count: 3, actor: 'rare@example.test', action: 'user.delete', after: 20_000 });
    await database.db.execute(sql`analyze audit_events`);
    const all = await countAuditEvents(database.db, { accountId, organizationId: orgLong });
    expect(all.exact).toBe(false);
    expect(all.count).toBeGreaterThan(10_000);
    // The rare actor's 3 events are the newest: counted among the newest 10,001, but the trail goes on, so only estimated.
    const rare = await countAuditEvents(database.db, { accountId, organizationId: orgLong, actorLabel: 'rare@' });
    expect(rare.exact).toBe(false);
    expect(rare.count).toBeGreaterThanOrEqual(3);
  });
});
