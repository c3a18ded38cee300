import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  deleteDirectoryMemberships,
  insertDirectoryGroups,
  insertDirectoryMemberships,
  insertDirectoryUsers,
  listDirectoryMemberships,
  listLinkedUsers,
} from '../src/queries/directory-sync.ts';
import { insertAccount } from '../src/queries/operators.ts';
import { insertOrganization } from '../src/queries/organizations.ts';
import { inTransaction } from '../src/client.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

/**
 * A large directory's first sync writes tens of thousands of rows in one transaction: more than one statement can
 * carry (65,534 parameters). 5,000 users (15 parameters each) and a group of 34,000 members (deleted again: 2 per pair)
 * each exceed it, and are written whole.
 */
let database: TestDatabase;
const organizationId = 'm-directory-writes';
const now = new Date('2026-12-01T00:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  const accountId = randomUUID();
  await insertAccount(database.db, { id: accountId, name: 'sync', awsAccountId: '111111111111', maxOrganizations: 5 });
  await insertOrganization(database.db, { id: organizationId, accountId, alias: 'sync', state: 'Active', directoryType: 'OpenLDAP', clientToken: null, createdAt: now });
});
afterAll(() => database.drop());

const user = (i: number) => ({
  id: randomUUID(),
  entryId: `entry-${i}`,
  dn: `uid=u${i},ou=people,dc=example,dc=org`,
  name: `u${i}`,
  displayName: `User ${i}`,
  firstName: 'User',
  lastName: `Number${i}`,
  email: null,
  telephone: null,
  department: null,
  jobTitle: `Engineer ${i % 7}`,
});

it('writes 5,000 users, a group and 34,000 memberships in one transaction, and deletes the memberships again', async () => {
  const users = Array.from({ length: 5000 }, (_, i) => user(i));
  const groupId = randomUUID();
  const memberships = Array.from({ length: 34_000 }, () => ({ groupId, memberId: randomUUID(), memberType: 'USER' as const }));
  await inTransaction(database.db, async (tx) => {
    await insertDirectoryUsers(tx, organizationId, users, now);
    await insertDirectoryGroups(tx, organizationId, [{ id: groupId, entryId: 'group-1', dn: 'cn=all,ou=groups,dc=example,dc=org', name: 'all', email: null, memberDns: [] }], now);
    await insertDirectoryMemberships(tx, organizationId, memberships, now);
  });
  expect(await listLinkedUsers(database.db, organizationId)).toHaveLength(5000);
  expect(await listDirectoryMemberships(database.db, organizationId)).toHaveLength(34_000);
  await deleteDirectoryMemberships(database.db, organizationId, memberships);
  expect(await listDirectoryMemberships(database.db, organizationId)).toHaveLength(0);
}, 60_000);
