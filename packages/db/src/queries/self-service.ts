import { and, desc, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { passwordHistory, passwordResetTokens, recoveryVerifications, userSessions } from '../schema/index.ts';

/** A user of an organization: every self-service row is keyed by both. */
export interface UserKey {
  organizationId: string;
  userId: string;
}

const ofUser = (t: { organizationId: AnyPgColumn; userId: AnyPgColumn }, k: UserKey) =>
  and(eq(t.organizationId, k.organizationId), eq(t.userId, k.userId));

// Portal sessions

export async function insertUserSession(db: Db, s: UserKey & { idHash: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.insert(userSessions).values({ ...s, lastSeenAt: s.createdAt });
}

export async function extendUserSession(db: Db, idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db.update(userSessions).set({ lastSeenAt, expiresAt }).where(eq(userSessions.idHash, idHash));
}

export async function deleteUserSession(db: Db, idHash: string): Promise<void> {
  await db.delete(userSessions).where(eq(userSessions.idHash, idHash));
}

/**
 * Ends a user's sessions: all of them, or all but `keepIdHash` (the one that changed the password). Called by
 * the portal and by whatever disables a user. Returns how many ended.
 */
export async function deleteUserSessions(db: Db, user: UserKey, keepIdHash?: string | null): Promise<number> {
  const rows = await db
    .delete(userSessions)
    .where(and(ofUser(userSessions, user), keepIdHash ? ne(userSessions.idHash, keepIdHash) : undefined))
    .returning({ idHash: userSessions.idHash });
  return rows.length;
}

export async function countUserSessions(db: Db, user: UserKey, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(userSessions)
    .where(and(ofUser(userSessions, user), gt(userSessions.expiresAt, now)));
  return row?.n ?? 0;
}

// Password history

/** The newest `depth` earlier password hashes, for the "not one of your last passwords" check only. */
export async function recentPasswordHashes(db: Db, user: UserKey, depth: number): Promise<string[]> {
  const rows = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(ofUser(passwordHistory, user))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(depth);
  return rows.map((r) => r.hash);
}

/** A new user's first password: nothing older to prune. */
export async function insertPasswordHistory(db: Db, user: UserKey & { passwordHash: string; createdAt: Date }): Promise<void> {
  await db.insert(passwordHistory).values(user);
}

/** Records a password the user had, keeping only the newest `keep` (older hashes are no use to anyone). */
export async function pushPasswordHistory(db: Db, user: UserKey & { passwordHash: string; createdAt: Date }, keep: number): Promise<void> {
  await insertPasswordHistory(db, user);
  const kept = db
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(ofUser(passwordHistory, user))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(keep);
  await db.delete(passwordHistory).where(and(ofUser(passwordHistory, user), sql`${passwordHistory.id} not in ${kept}`));
}

// Password-reset links

export async function insertResetToken(
  db: Db,
  t: UserKey & { tokenHash: string; issuedBy: 'self' | 'operator'; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordResetTokens).values(t);
}

/** The link's row whatever its state, so the caller can say "expired" or "already used". */
export async function findResetToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      organizationId: passwordResetTokens.organizationId,
      userId: passwordResetTokens.userId,
      issuedBy: passwordResetTokens.issuedBy,
      expiresAt: passwordResetTokens.expiresAt,
      usedAt: passwordResetTokens.usedAt,
    })
    .from(passwordResetTokens)
    .where(eq(passwordResetTokens.tokenHash, tokenHash));
  return row ?? null;
}

/**
 * Spends a live link: only one of two racing requests gets `true`. In the caller's transaction, so a refused
 * password (rolled back) leaves the link usable.
 */
export async function useResetToken(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
    .returning({ tokenHash: passwordResetTokens.tokenHash });
  return rows.length > 0;
}

/** Spends every other live link of the user: a new link or a new password makes older links useless. */
export async function revokeResetTokens(db: Db, user: UserKey, now: Date): Promise<void> {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(ofUser(passwordResetTokens, user), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)));
}

// Recovery-address verification

/** The one pending change of a user's recovery address; a new request replaces the previous one. */
export async function upsertRecoveryVerification(
  db: Db,
  v: UserKey & { email: string; codeHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insert(recoveryVerifications)
    .values({ ...v, attempts: 0 })
    .onConflictDoUpdate({
      target: [recoveryVerifications.organizationId, recoveryVerifications.userId],
      set: { email: v.email, codeHash: v.codeHash, attempts: 0, createdAt: v.createdAt, expiresAt: v.expiresAt },
    });
}

export async function findRecoveryVerification(db: Db, user: UserKey) {
  const [row] = await db
    .select({
      email: recoveryVerifications.email,
      codeHash: recoveryVerifications.codeHash,
      attempts: recoveryVerifications.attempts,
      createdAt: recoveryVerifications.createdAt,
      expiresAt: recoveryVerifications.expiresAt,
    })
    .from(recoveryVerifications)
    .where(ofUser(recoveryVerifications, user));
  return row ?? null;
}

/**
 * Uses up one try of a live code before it is checked, so parallel guesses cannot exceed `maxAttempts`.
 * Returns the pending address and code hash, or `null` when no live code has a try left.
 */
export async function claimRecoveryAttempt(db: Db, user: UserKey, maxAttempts: number, now: Date) {
  const [row] = await db
    .update(recoveryVerifications)
    .set({ attempts: sql`${recoveryVerifications.attempts} + 1` })
    .where(and(ofUser(recoveryVerifications, user), lt(recoveryVerifications.attempts, maxAttempts), gt(recoveryVerifications.expiresAt, now)))
    .returning({ email: recoveryVerifications.email, codeHash: recoveryVerifications.codeHash, attempts: recoveryVerifications.attempts });
  return row ?? null;
}

export async function deleteRecoveryVerification(db: Db, user: UserKey): Promise<void> {
  await db.delete(recoveryVerifications).where(ofUser(recoveryVerifications, user));
}
