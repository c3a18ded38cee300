import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { operatorSessions, operators, userSessions } from '../schema/index.ts';

export async function insertOperatorSession(
  db: Db,
  session: { idHash: string; operatorId: string; createdAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(operatorSessions).values({ ...session, lastSeenAt: session.createdAt });
}

/** The live session and its operator, or null when unknown or expired. */
export async function findOperatorSession(db: Db, idHash: string, now: Date) {
  const [row] = await db
    .select({
      idHash: operatorSessions.idHash,
      expiresAt: operatorSessions.expiresAt,
      lastSeenAt: operatorSessions.lastSeenAt,
      operator: { id: operators.id, accountId: operators.accountId, email: operators.email, displayName: operators.displayName },
    })
    .from(operatorSessions)
    .innerJoin(operators, eq(operators.id, operatorSessions.operatorId))
    .where(and(eq(operatorSessions.idHash, idHash), gt(operatorSessions.expiresAt, now)));
  return row ?? null;
}

export async function extendOperatorSession(db: Db, idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db.update(operatorSessions).set({ lastSeenAt, expiresAt }).where(eq(operatorSessions.idHash, idHash));
}

export async function deleteOperatorSession(db: Db, idHash: string): Promise<void> {
  await db.delete(operatorSessions).where(eq(operatorSessions.idHash, idHash));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(operatorSessions).where(lt(operatorSessions.expiresAt, now));
  await db.delete(userSessions).where(lt(userSessions.expiresAt, now));
}
