import type { MobileAccessEffect, MobileDeviceAccessOverride, MobileDeviceAccessRule, MobileDeviceAccessRuleFields } from '@mailyard/core/mobile-access';
import { and, asc, count, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { mobileDeviceAccessOverrides as overrides, mobileDeviceAccessRules as rules } from '../schema/index.ts';

const ruleColumns = {
  id: rules.id,
  name: rules.name,
  description: rules.description,
  effect: sql<MobileAccessEffect>`${rules.effect}`,
  conditions: rules.conditions,
  createdAt: rules.createdAt,
  updatedAt: rules.updatedAt,
};

const ofRule = (organizationId: string, id: string) => and(eq(rules.organizationId, organizationId), eq(rules.id, id));

/** The organization's rules, oldest first (10 at most: one answer holds them all). */
export async function listMobileDeviceAccessRules(db: Db, organizationId: string): Promise<MobileDeviceAccessRule[]> {
  return db.select(ruleColumns).from(rules).where(eq(rules.organizationId, organizationId)).orderBy(asc(rules.createdAt), asc(rules.id));
}

export async function countMobileDeviceAccessRules(db: Db, organizationId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(rules).where(eq(rules.organizationId, organizationId));
  return row?.n ?? 0;
}

export async function findMobileDeviceAccessRule(db: Db, organizationId: string, id: string, lock = false): Promise<MobileDeviceAccessRule | null> {
  const query = db.select(ruleColumns).from(rules).where(ofRule(organizationId, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findMobileDeviceAccessRuleByClientToken(db: Db, organizationId: string, clientToken: string): Promise<MobileDeviceAccessRule | null> {
  const [row] = await db
    .select(ruleColumns)
    .from(rules)
    .where(and(eq(rules.organizationId, organizationId), eq(rules.clientToken, clientToken)));
  return row ?? null;
}

export async function insertMobileDeviceAccessRule(
  db: Db,
  rule: MobileDeviceAccessRuleFields & { organizationId: string; id: string; clientToken: string | null; at: Date },
): Promise<void> {
  const { at, ...values } = rule;
  await db.insert(rules).values({ ...values, createdAt: at, updatedAt: at });
}

export async function updateMobileDeviceAccessRule(db: Db, organizationId: string, id: string, fields: MobileDeviceAccessRuleFields, at: Date): Promise<void> {
  await db
    .update(rules)
    .set({ ...fields, updatedAt: at })
    .where(ofRule(organizationId, id));
}

export async function deleteMobileDeviceAccessRule(db: Db, organizationId: string, id: string): Promise<MobileDeviceAccessRule | null> {
  const [row] = await db.delete(rules).where(ofRule(organizationId, id)).returning(ruleColumns);
  return row ?? null;
}

/** A user and device; `deviceId` lower case. */
export interface OverrideKey {
  organizationId: string;
  userId: string;
  deviceId: string;
}

const overrideColumns = {
  userId: overrides.userId,
  deviceId: overrides.deviceId,
  effect: sql<MobileAccessEffect>`${overrides.effect}`,
  description: overrides.description,
  createdAt: overrides.createdAt,
  updatedAt: overrides.updatedAt,
};

const ofOverride = (k: OverrideKey) => and(eq(overrides.organizationId, k.organizationId), eq(overrides.userId, k.userId), eq(overrides.deviceId, k.deviceId));

export async function findMobileDeviceAccessOverride(db: Db, key: OverrideKey): Promise<MobileDeviceAccessOverride | null> {
  const [row] = await db.select(overrideColumns).from(overrides).where(ofOverride(key));
  return row ?? null;
}

/** Every override of a user (each for one device), by device. */
export async function listUserMobileDeviceAccessOverrides(db: Db, organizationId: string, userId: string): Promise<MobileDeviceAccessOverride[]> {
  return db
    .select(overrideColumns)
    .from(overrides)
    .where(and(eq(overrides.organizationId, organizationId), eq(overrides.userId, userId)))
    .orderBy(asc(overrides.deviceId));
}

/** Creates the override or replaces its effect and description; returns the one it replaced, or `null`. */
export async function upsertMobileDeviceAccessOverride(
  db: Db,
  key: OverrideKey,
  fields: { effect: MobileAccessEffect; description: string | null },
  at: Date,
): Promise<MobileDeviceAccessOverride | null> {
  // Locked first, so the audit's "before" is the override this request replaced, not one a racing request wrote.
  const [before] = await db.select(overrideColumns).from(overrides).where(ofOverride(key)).for('update');
  await db
    .insert(overrides)
    .values({ ...key, ...fields, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: [overrides.organizationId, overrides.userId, overrides.deviceId],
      set: { effect: sql`excluded.effect`, description: sql`excluded.description`, updatedAt: sql`excluded.updated_at` },
    });
  return before ?? null;
}

export async function deleteMobileDeviceAccessOverride(db: Db, key: OverrideKey): Promise<MobileDeviceAccessOverride | null> {
  const [row] = await db.delete(overrides).where(ofOverride(key)).returning(overrideColumns);
  return row ?? null;
}

/** A deleted user's overrides go with them (their devices can no longer sync). Returns how many went. */
export async function deleteUserMobileDeviceAccessOverrides(db: Db, organizationId: string, userId: string): Promise<number> {
  const deleted = await db
    .delete(overrides)
    .where(and(eq(overrides.organizationId, organizationId), eq(overrides.userId, userId)))
    .returning({ deviceId: overrides.deviceId });
  return deleted.length;
}

/** A page of the organization's overrides in (user, device) order, optionally of one user and/or one device. */
export async function listMobileDeviceAccessOverridesPage(
  db: Db,
  q: { organizationId: string; userId?: string; deviceId?: string; after: [string, string] | null; limit: number },
): Promise<MobileDeviceAccessOverride[]> {
  const where: (SQL | undefined)[] = [eq(overrides.organizationId, q.organizationId)];
  if (q.userId) where.push(eq(overrides.userId, q.userId));
  if (q.deviceId) where.push(eq(overrides.deviceId, q.deviceId));
  if (q.after) {
    const [userId, deviceId] = q.after;
    where.push(or(gt(overrides.userId, userId), and(eq(overrides.userId, userId), gt(overrides.deviceId, deviceId))));
  }
  return db
    .select(overrideColumns)
    .from(overrides)
    .where(and(...where))
    .orderBy(asc(overrides.userId), asc(overrides.deviceId))
    .limit(q.limit);
}
