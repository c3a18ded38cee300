import { createHash } from 'node:crypto';
import type { Db } from '../packages/db/src/index.ts';
import { benchOrganizationCount, seedBenchOrganizations, seedBenchUsers, seedOtherAccounts, vacuumAnalyzeBench } from '../packages/db/src/bench/seed.ts';
import { insertAccount, insertOperator } from '../packages/db/src/queries/operators.ts';
import { hashPassword } from '../apps/server/src/platform/passwords.ts';

export const ORGANIZATIONS = 1000;
export const USERS = 1_000_000;
/** Other tenants of the same server: 99 accounts of 1,000 organizations each, without users. */
export const OTHER_ACCOUNTS = 99;
export const OTHER_ORGANIZATIONS = OTHER_ACCOUNTS * 1000;
/** The password of every seeded user and of the bench operator (hashed once, the hash copied to every row). */
export const BENCH_PASSWORD = 'Bench-Password-1';

export const benchAccount = { id: '00000000-0000-4000-8000-00000000be01', operatorId: '00000000-0000-4000-8000-00000000be02', email: 'bench@mailyard.bench' };
/** Organization `k`'s id, as the seeding SQL computes it. */
export const benchOrganizationId = (k: number) => `m-${createHash('md5').update(`bench-org-${k}`).digest('hex')}`;

/** Organizations seeded per statement after the big one: about 100,000 users each time. */
const CHUNK = 111;

/** Whether the data is there: `true` when complete, `false` when the database has none of it; a partial seed is an error. */
export async function isSeeded(db: Db): Promise<boolean> {
  const { organizations, others, users } = await benchOrganizationCount(db);
  if (organizations === ORGANIZATIONS && others === OTHER_ORGANIZATIONS && users === USERS) return true;
  if (organizations === 0) return false;
  throw new Error(
    `The bench database holds ${organizations} organizations (${others} of other accounts) and ${users} users, not the seeded sizes: run \`pnpm bench --reseed\`.`,
  );
}

/** 1,000 organizations and 1,000,000 users (100,000 in the first), their addresses and mailboxes, and other accounts' 99,000 organizations, into an empty database. */
export async function seed(db: Db, log: (line: string) => void): Promise<{ seconds: number }> {
  const started = performance.now();
  const at = new Date();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await insertAccount(db, { id: benchAccount.id, name: 'Benchmark', awsAccountId: '000000000000', maxOrganizations: ORGANIZATIONS + 10 });
  await insertOperator(db, { id: benchAccount.operatorId, accountId: benchAccount.id, email: benchAccount.email, displayName: 'Benchmark', passwordHash });
  await seedBenchOrganizations(db, { accountId: benchAccount.id, count: ORGANIZATIONS, at });
  await seedOtherAccounts(db, { accounts: OTHER_ACCOUNTS, each: OTHER_ORGANIZATIONS / OTHER_ACCOUNTS, at });
  let total = 0;
  for (let from = 1; from <= ORGANIZATIONS; from = from === 1 ? 2 : from + CHUNK) {
    const to = from === 1 ? 1 : Math.min(ORGANIZATIONS, from + CHUNK - 1);
    const t = performance.now();
    total += await seedBenchUsers(db, { from, to, passwordHash, at });
    log(`  organizations ${from}–${to}: ${total.toLocaleString('en-US')} users (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  const t = performance.now();
  await vacuumAnalyzeBench(db);
  log(`  vacuum (analyze): ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { seconds: (performance.now() - started) / 1000 };
}
