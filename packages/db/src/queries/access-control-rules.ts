import type { AccessControlRule, AccessControlRuleFields, AccessEffectName } from '@mailyard/core/access-control';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accessControlRules as rules } from '../schema/index.ts';

const columns = {
  name: rules.name,
  effect: rules.effect,
  description: rules.description,
  ipRanges: rules.ipRanges,
  notIpRanges: rules.notIpRanges,
  actions: rules.actions,
  notActions: rules.notActions,
  userIds: rules.userIds,
  notUserIds: rules.notUserIds,
  createdAt: rules.createdAt,
  updatedAt: rules.updatedAt,
};

/** The organization's rules, oldest first (20 at most, so one answer holds them all). */
export async function listAccessControlRules(db: Db, organizationId: string): Promise<AccessControlRule[]> {
  return db.select(columns).from(rules).where(eq(rules.organizationId, organizationId)).orderBy(asc(rules.createdAt), asc(rules.name));
}

/** Adds the rule, or replaces the one of the same name (which keeps its creation time). */
export async function upsertAccessControlRule(db: Db, organizationId: string, rule: AccessControlRuleFields, now: Date): Promise<void> {
  const { name, ...content } = rule;
  await db
    .insert(rules)
    .values({ organizationId, name, ...content, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [rules.organizationId, rules.name], set: { ...content, updatedAt: now } });
}

/** Removes the rule of this name; returns it, or null when there was none. */
export async function deleteAccessControlRule(db: Db, organizationId: string, name: string): Promise<AccessControlRule | null> {
  const [deleted] = await db
    .delete(rules)
    .where(and(eq(rules.organizationId, organizationId), eq(rules.name, name)))
    .returning(columns);
  return deleted ?? null;
}

/** What the mail servers' SQL function `mailserver.v1_access_effect` decides (core's evaluateAccess decides the same). */
export async function mailServerAccessEffect(
  db: Db,
  request: { organizationId: string; userId: string; action: string; ip: string | null },
): Promise<AccessEffectName> {
  const [row] = await db.execute<{ effect: AccessEffectName }>(
    sql`select mailserver.v1_access_effect(${request.organizationId}, ${request.userId}, ${request.action}, ${request.ip}) as effect`,
  );
  return row!.effect;
}
