import { and, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { ListTotal } from '@mailyard/core/pagination';
import type { Db } from '../client.ts';
import { scopeTotal } from '../list-total.ts';
import { apiTokens, operators, organizations } from '../schema/index.ts';

/** A token as lists show it; never its hash. */
const rowColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  readOnly: apiTokens.readOnly,
  organizationIds: apiTokens.organizationIds,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  lastUsedAt: apiTokens.lastUsedAt,
  createdAt: apiTokens.createdAt,
  createdBy: operators.email,
};

export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokensPage>>[number];

export async function insertApiToken(
  db: Db,
  token: {
    id: string;
    accountId: string;
    operatorId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    readOnly: boolean;
    organizationIds: string[] | null;
    expiresAt: Date | null;
    createdAt: Date;
  },
): Promise<void> {
  await db.insert(apiTokens).values(token);
}

/** The token behind a presented secret and the operator it acts for, or null. For the bearer check only. */
export async function findApiTokenByHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: apiTokens.id,
      accountId: apiTokens.accountId,
      readOnly: apiTokens.readOnly,
      organizationIds: apiTokens.organizationIds,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      operator: { id: operators.id, email: operators.email },
    })
    .from(apiTokens)
    .innerJoin(operators, eq(operators.id, apiTokens.operatorId))
    .where(eq(apiTokens.tokenHash, tokenHash));
  return row ?? null;
}

/** Records a use unless one was recorded since `staleBefore`: busy scripts write at most once per interval. */
export async function touchApiToken(db: Db, id: string, at: Date, staleBefore: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
}

/** A token of the account, or null: another account's token is indistinguishable from none. Locks the row. */
export async function lockApiToken(db: Db, accountId: string, id: string): Promise<ApiTokenRow | null> {
  const [row] = await db
    .select(rowColumns)
    .from(apiTokens)
    .innerJoin(operators, eq(operators.id, apiTokens.operatorId))
    .where(and(eq(apiTokens.id, id), eq(apiTokens.accountId, accountId)))
    .for('update', { of: apiTokens });
  return row ?? null;
}

export async function revokeApiToken(db: Db, id: string, at: Date): Promise<void> {
  await db.update(apiTokens).set({ revokedAt: at }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
}

const ofAccount = (accountId: string) => eq(apiTokens.accountId, accountId);

/** How many tokens the account has, revoked and expired ones included (its API tokens list's total). */
export const countApiTokens = (db: Db, accountId: string): Promise<ListTotal> => scopeTotal(db, apiTokens, ofAccount(accountId));

/** Newest first; keyset on (created_at, id), served by `api_tokens_account_idx`. */
export async function listApiTokensPage(db: Db, q: { accountId: string; after: [string, string] | null; limit: number }) {
  const conditions = [ofAccount(q.accountId)];
  if (q.after) {
    const createdAt = new Date(q.after[0]);
    const id = q.after[1];
    conditions.push(or(lt(apiTokens.createdAt, createdAt), and(eq(apiTokens.createdAt, createdAt), lt(apiTokens.id, id)))!);
  }
  return db
    .select(rowColumns)
    .from(apiTokens)
    .innerJoin(operators, eq(operators.id, apiTokens.operatorId))
    .where(and(...conditions))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(q.limit);
}

/** Which of `ids` are organizations of the account (any state): a token's chosen scope must name real ones. */
export async function accountOrganizationIds(db: Db, accountId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.accountId, accountId), inArray(organizations.id, ids)));
  return new Set(rows.map((r) => r.id));
}

