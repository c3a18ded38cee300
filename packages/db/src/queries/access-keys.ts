import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { AccessKeyStatus, AccessKeySummary } from '@mailyard/core/access-keys';
import type { Db } from '../client.ts';
import { accessKeys, accounts, operators } from '../schema/index.ts';

const summaryColumns = {
  accessKeyId: accessKeys.accessKeyId,
  description: accessKeys.description,
  status: sql<AccessKeyStatus>`${accessKeys.status}`,
  operatorEmail: operators.email,
  createdAt: accessKeys.createdAt,
  lastUsedAt: accessKeys.lastUsedAt,
};

export async function insertAccessKey(
  db: Db,
  key: { accessKeyId: string; accountId: string; operatorId: string; description: string; secretCiphertext: string; createdAt: Date },
): Promise<void> {
  await db.insert(accessKeys).values({ ...key, status: 'Active' });
}

/** The account's keys, newest first. An account holds at most a few dozen, so there is no paging. */
export async function listAccessKeys(db: Db, accountId: string): Promise<AccessKeySummary[]> {
  return db
    .select(summaryColumns)
    .from(accessKeys)
    .leftJoin(operators, eq(operators.id, accessKeys.operatorId))
    .where(eq(accessKeys.accountId, accountId))
    .orderBy(desc(accessKeys.createdAt), desc(accessKeys.accessKeyId));
}

export async function countAccessKeys(db: Db, accountId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(accessKeys).where(eq(accessKeys.accountId, accountId));
  return row?.n ?? 0;
}

/** A key of the account, or null: another account's key is indistinguishable from none. */
export async function findAccessKey(db: Db, accountId: string, accessKeyId: string): Promise<AccessKeySummary | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(accessKeys)
    .leftJoin(operators, eq(operators.id, accessKeys.operatorId))
    .where(and(eq(accessKeys.accountId, accountId), eq(accessKeys.accessKeyId, accessKeyId)));
  return row ?? null;
}

/**
 * The only query that returns a key's sealed secret: for the SigV4 verifier, and for the start-up check of the
 * root key. With the operator the key acts as and the account's AWS-style id (for ARNs).
 */
export async function findAccessKeyForSigning(db: Db, accessKeyId: string) {
  const [row] = await db
    .select({
      accessKeyId: accessKeys.accessKeyId,
      accountId: accessKeys.accountId,
      awsAccountId: accounts.awsAccountId,
      operatorId: operators.id,
      operatorEmail: operators.email,
      secretCiphertext: accessKeys.secretCiphertext,
      status: sql<AccessKeyStatus>`${accessKeys.status}`,
      lastUsedAt: accessKeys.lastUsedAt,
    })
    .from(accessKeys)
    .innerJoin(accounts, eq(accounts.id, accessKeys.accountId))
    .innerJoin(operators, eq(operators.id, accessKeys.operatorId))
    .where(eq(accessKeys.accessKeyId, accessKeyId));
  return row ?? null;
}

export async function updateAccessKeyStatus(db: Db, accountId: string, accessKeyId: string, status: AccessKeyStatus): Promise<void> {
  await db.update(accessKeys).set({ status }).where(and(eq(accessKeys.accountId, accountId), eq(accessKeys.accessKeyId, accessKeyId)));
}

export async function updateAccessKeySecret(db: Db, accessKeyId: string, secretCiphertext: string): Promise<void> {
  await db.update(accessKeys).set({ secretCiphertext }).where(eq(accessKeys.accessKeyId, accessKeyId));
}

export async function deleteAccessKey(db: Db, accountId: string, accessKeyId: string): Promise<boolean> {
  const rows = await db
    .delete(accessKeys)
    .where(and(eq(accessKeys.accountId, accountId), eq(accessKeys.accessKeyId, accessKeyId)))
    .returning({ id: accessKeys.accessKeyId });
  return rows.length > 0;
}

/** Records a use, writing at most once per `everyMs` so a busy key does not turn every request into a write. */
export async function touchAccessKey(db: Db, accessKeyId: string, now: Date, everyMs: number): Promise<void> {
  await db
    .update(accessKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(accessKeys.accessKeyId, accessKeyId),
        or(isNull(accessKeys.lastUsedAt), lt(accessKeys.lastUsedAt, new Date(now.getTime() - everyMs))),
      ),
    );
}

/** Who the root key (MAILYARD_ROOT_ACCESS_KEY_ID) acts as: the first operator of the first account. */
export async function findRootKeyOwner(db: Db) {
  const [row] = await db
    .select({ accountId: accounts.id, operatorId: operators.id })
    .from(accounts)
    .innerJoin(operators, eq(operators.accountId, accounts.id))
    .orderBy(accounts.createdAt, accounts.id, operators.createdAt, operators.id)
    .limit(1);
  return row ?? null;
}
