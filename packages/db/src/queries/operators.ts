import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accounts, operators } from '../schema/index.ts';

export interface OperatorIdentity {
  id: string;
  accountId: string;
  email: string;
  displayName: string;
}

const identityColumns = {
  id: operators.id,
  accountId: operators.accountId,
  email: operators.email,
  displayName: operators.displayName,
};

export async function countOperators(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(operators);
  return row?.n ?? 0;
}

export async function insertAccount(
  db: Db,
  account: { id: string; name: string; awsAccountId: string; maxOrganizations: number },
): Promise<void> {
  await db.insert(accounts).values(account);
}

export async function insertOperator(
  db: Db,
  operator: { id: string; accountId: string; email: string; displayName: string; passwordHash: string },
): Promise<void> {
  await db.insert(operators).values(operator);
}

/** The only query that returns a password hash: for the sign-in check. */
export async function findOperatorCredentials(db: Db, email: string) {
  const [row] = await db
    .select({ ...identityColumns, passwordHash: operators.passwordHash })
    .from(operators)
    .where(sql`lower(${operators.email}) = lower(${email})`);
  return row ?? null;
}

export async function recordOperatorSignIn(db: Db, id: string, at: Date): Promise<void> {
  await db.update(operators).set({ lastSignInAt: at }).where(eq(operators.id, id));
}

export async function findAccount(db: Db, id: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row ?? null;
}

/** Locks the account row: serialises organization creation so the limit cannot be overshot by a race. */
export async function lockAccount(db: Db, id: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id)).for('update');
  return row ?? null;
}
