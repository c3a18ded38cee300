import { and, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { DirectoryGroup, DirectoryUser } from '@mailyard/core/directories';
import type { EntityState } from '@mailyard/core/entities';
import type { Db } from '../client.ts';
import { groupMembers, groups, resources, users } from '../schema/index.ts';
import { inStatementBatches } from '../statement-batches.ts';

/** A user or group of the organization that came from its directory, with the values the last sync wrote. */
export interface LinkedRow<T> {
  id: string;
  state: EntityState;
  removedAt: Date | null;
  current: T;
}

/** Every user of the organization linked to a directory entry, whatever its state. */
export async function listLinkedUsers(db: Db, organizationId: string): Promise<LinkedRow<Omit<DirectoryUser, 'email'>>[]> {
  const rows = await db
    .select({
      id: users.id,
      state: sql<EntityState>`${users.state}`,
      removedAt: users.directoryRemovedAt,
      entryId: users.directoryEntryId,
      dn: users.directoryDn,
      name: users.name,
      displayName: users.displayName,
      firstName: users.firstName,
      lastName: users.lastName,
      telephone: users.telephone,
      department: users.department,
      jobTitle: users.jobTitle,
    })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), isNotNull(users.directoryEntryId)));
  return rows.map(({ id, state, removedAt, entryId, dn, ...current }) => ({ id, state, removedAt, current: { ...current, entryId: entryId!, dn: dn! } }));
}

export async function listLinkedGroups(db: Db, organizationId: string): Promise<LinkedRow<Omit<DirectoryGroup, 'memberDns'>>[]> {
  const rows = await db
    .select({
      id: groups.id,
      state: sql<EntityState>`${groups.state}`,
      removedAt: groups.directoryRemovedAt,
      entryId: groups.directoryEntryId,
      dn: groups.directoryDn,
      name: groups.name,
      email: groups.primaryEmail,
    })
    .from(groups)
    .where(and(eq(groups.organizationId, organizationId), isNotNull(groups.directoryEntryId)));
  return rows.map(({ id, state, removedAt, entryId, dn, ...current }) => ({ id, state, removedAt, current: { ...current, entryId: entryId!, dn: dn! } }));
}

/**
 * The names (lower case) of the organization's live users, groups and resources that are not from its directory: a
 * directory entry cannot take one of them (users, groups and resources share one set of names).
 */
export async function namesHeldOutsideDirectory(db: Db, organizationId: string): Promise<Set<string>> {
  const live = (t: typeof users | typeof groups) => and(eq(t.organizationId, organizationId), ne(t.state, 'DELETED'), isNull(t.directoryEntryId));
  const rows = await db.execute<{ name: string }>(sql`
    select lower(${users.name}) as name from ${users} where ${live(users)}
    union select lower(${groups.name}) from ${groups} where ${live(groups)}
    union select lower(${resources.name}) from ${resources} where ${resources.organizationId} = ${organizationId} and ${resources.state} <> 'DELETED'`);
  return new Set(Array.from(rows, (r) => r.name));
}

type UserValues = Omit<DirectoryUser, 'email' | 'entryId' | 'dn'>;

export async function insertDirectoryUsers(db: Db, organizationId: string, rows: (DirectoryUser & { id: string })[], now: Date): Promise<void> {
  await inStatementBatches(rows, (batch) =>
    db.insert(users).values(
      batch.map((u) => ({
        organizationId,
        id: u.id,
        name: u.name,
        displayName: u.displayName,
        firstName: u.firstName,
        lastName: u.lastName,
        telephone: u.telephone,
        department: u.department,
        jobTitle: u.jobTitle,
        directoryEntryId: u.entryId,
        directoryDn: u.dn,
        role: 'USER',
        // Directory users arrive disabled: an operator enables them with Enable (primary address, mailbox).
        state: 'DISABLED',
        createdAt: now,
        updatedAt: now,
      })),
    ),
  );
}

/** Writes what the directory now says of a user; `removedAt` marks it gone from the directory (or back: null). */
export async function updateDirectoryUser(
  db: Db,
  organizationId: string,
  id: string,
  patch: Partial<UserValues> & { dn?: string; removedAt?: Date | null; updatedAt: Date },
): Promise<void> {
  const { dn, removedAt, ...rest } = patch;
  await db
    .update(users)
    .set({ ...rest, ...(dn === undefined ? {} : { directoryDn: dn }), ...(removedAt === undefined ? {} : { directoryRemovedAt: removedAt }) })
    .where(and(eq(users.organizationId, organizationId), eq(users.id, id)));
}

export async function insertDirectoryGroups(db: Db, organizationId: string, rows: (DirectoryGroup & { id: string })[], now: Date): Promise<void> {
  await inStatementBatches(rows, (batch) =>
    db.insert(groups).values(
      batch.map((g) => ({
        organizationId,
        id: g.id,
        name: g.name,
        // A group's address is Mailyard's, given when it is enabled; it arrives disabled, as its users do.
        primaryEmail: null,
        state: 'DISABLED',
        directoryEntryId: g.entryId,
        directoryDn: g.dn,
        createdAt: now,
        updatedAt: now,
      })),
    ),
  );
}

export async function updateDirectoryGroup(
  db: Db,
  organizationId: string,
  id: string,
  patch: { name?: string; dn?: string; removedAt?: Date | null; updatedAt: Date },
): Promise<void> {
  const { dn, removedAt, ...rest } = patch;
  await db
    .update(groups)
    .set({ ...rest, ...(dn === undefined ? {} : { directoryDn: dn }), ...(removedAt === undefined ? {} : { directoryRemovedAt: removedAt }) })
    .where(and(eq(groups.organizationId, organizationId), eq(groups.id, id)));
}

/** The memberships of the directory's groups, as `groupId → memberId`s. */
export async function listDirectoryMemberships(db: Db, organizationId: string): Promise<{ groupId: string; memberId: string }[]> {
  return db
    .select({ groupId: groupMembers.groupId, memberId: groupMembers.memberId })
    .from(groupMembers)
    .innerJoin(groups, and(eq(groups.organizationId, groupMembers.organizationId), eq(groups.id, groupMembers.groupId)))
    .where(and(eq(groupMembers.organizationId, organizationId), isNotNull(groups.directoryEntryId)));
}

export async function insertDirectoryMemberships(
  db: Db,
  organizationId: string,
  rows: { groupId: string; memberId: string; memberType: 'USER' | 'GROUP' }[],
  now: Date,
): Promise<void> {
  await inStatementBatches(rows, (batch) =>
    db
      .insert(groupMembers)
      .values(batch.map((r) => ({ ...r, organizationId, createdAt: now })))
      .onConflictDoNothing(),
  );
}

/**
 * Removes memberships by (group, member) pair: two lists of ids in one statement whatever their length (uuids, so a
 * comma joins them safely), matched through the primary key.
 */
export async function deleteDirectoryMemberships(db: Db, organizationId: string, rows: { groupId: string; memberId: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const groupIds = rows.map((r) => r.groupId).join(',');
  const memberIds = rows.map((r) => r.memberId).join(',');
  await db.execute(sql`
    delete from ${groupMembers}
    where ${groupMembers.organizationId} = ${organizationId}
      and (${groupMembers.groupId}, ${groupMembers.memberId}) in (
        select * from unnest(string_to_array(${groupIds}, ',')::uuid[], string_to_array(${memberIds}, ',')::uuid[])
      )`);
}
