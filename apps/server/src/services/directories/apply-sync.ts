import { randomUUID } from 'node:crypto';
import {
  massRemovalRefusal,
  normalizeDn,
  planGroupSync,
  planUserSync,
  type DirectoryGroup,
  type Mapped,
  type SyncReport,
} from '@mailyard/core/directories';
import { failIf } from '@mailyard/core/errors';
import type { Transaction } from '@mailyard/db';
import {
  deleteDirectoryMemberships,
  insertDirectoryGroups,
  insertDirectoryMemberships,
  insertDirectoryUsers,
  listDirectoryMemberships,
  listLinkedGroups,
  listLinkedUsers,
  namesHeldOutsideDirectory,
  updateDirectoryGroup,
  updateDirectoryUser,
} from '@mailyard/db/queries/directory-sync';
import { updateLdapDirectory } from '@mailyard/db/queries/ldap-directories';
import { lockUsers } from '@mailyard/db/queries/users';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { disableLockedUser } from '../users/disable.ts';
import type { DirectorySnapshot } from './read-entries.ts';
import { directoryTarget } from './require.ts';

/** How many skipped entries a report keeps, with their reasons: enough to see a pattern, small enough to store. */
const SKIPPED_KEPT = 20;

/** An entry whose name a user, group or resource not from the directory holds is skipped, never merged into it. */
function withoutHeldNames<T extends { name: string; dn: string }>(entries: Mapped<T>[], held: Set<string>): Mapped<T>[] {
  return entries.map((m) =>
    m.ok && held.has(m.value.name.toLowerCase())
      ? { ok: false, dn: m.value.dn, reason: `the name "${m.value.name}" is already taken in the organization by something not from the directory` }
      : m,
  );
}

/**
 * Writes what the directory holds into the organization, in the caller's transaction (which holds the organization's
 * row for update, so user and group changes of operators wait, and two syncs run one after the other): new entries
 * arrive DISABLED and linked by their unique id, changed ones are updated, ones gone are marked removed and disabled
 * (never deleted), and the directory's groups get exactly the members it lists (users and groups: nesting). Running it
 * again on the same directory changes nothing. Returns the report, also kept on the directory and audited.
 */
export async function applyDirectorySync(
  deps: Deps,
  tx: Transaction,
  actor: Actor,
  org: { id: string; accountId: string },
  directory: { id: string; name: string },
  snapshot: DirectorySnapshot,
  options: { confirmMassRemoval: boolean; startedAt: Date },
): Promise<SyncReport> {
  const now = deps.clock();
  const held = await namesHeldOutsideDirectory(tx, org.id);
  const linkedUsers = await listLinkedUsers(tx, org.id);
  const users = planUserSync(
    linkedUsers.map((l) => ({ id: l.id, current: { ...l.current, email: null }, removed: l.removedAt !== null })),
    withoutHeldNames(snapshot.users, held),
  );
  failIf(massRemovalRefusal(linkedUsers.filter((l) => l.removedAt === null).length, users.remove.length, options.confirmMassRemoval));

  const added = users.add.map((u) => ({ ...u, id: randomUUID() }));
  await insertDirectoryUsers(tx, org.id, added, now);
  for (const { id, value } of users.change) {
    const { entryId: _entryId, email: _email, ...values } = value;
    await updateDirectoryUser(tx, org.id, id, { ...values, removedAt: null, updatedAt: now });
  }
  const removing = users.remove.length ? await lockUsers(tx, org.id, users.remove.map((r) => r.id)) : [];
  for (const user of removing) {
    await updateDirectoryUser(tx, org.id, user.id, { removedAt: now, updatedAt: now });
    if (user.state === 'ENABLED') await disableLockedUser(tx, actor, org, user, now);
  }

  // Groups cannot take a name a directory user now holds either (one set of names per organization).
  const userNames = new Set((await listLinkedUsers(tx, org.id)).filter((u) => u.removedAt === null).map((u) => u.current.name.toLowerCase()));
  const groups = planGroupSync(
    (await listLinkedGroups(tx, org.id)).map((l) => ({ id: l.id, current: { ...l.current, memberDns: [] }, removed: l.removedAt !== null })),
    withoutHeldNames(snapshot.groups, new Set([...held, ...userNames])),
  );
  const addedGroups = groups.add.map((g) => ({ ...g, id: randomUUID() }));
  await insertDirectoryGroups(tx, org.id, addedGroups, now);
  for (const { id, value } of groups.change) await updateDirectoryGroup(tx, org.id, id, { name: value.name, dn: value.dn, removedAt: null, updatedAt: now });
  for (const { id } of groups.remove) await updateDirectoryGroup(tx, org.id, id, { removedAt: now, updatedAt: now });

  const membersChanged = await syncMemberships(tx, org.id, snapshot.groups, now);
  // A group added by this sync got its members too: it counts as added, not changed.
  const changedGroups = new Set([...groups.change.map((c) => c.id), ...membersChanged]);
  for (const g of addedGroups) changedGroups.delete(g.id);
  const report: SyncReport = {
    startedAt: options.startedAt,
    finishedAt: now,
    usersFound: snapshot.users.length,
    groupsFound: snapshot.groups.length,
    usersAdded: users.add.length,
    usersChanged: users.change.length,
    usersRemoved: users.remove.length,
    groupsAdded: groups.add.length,
    groupsChanged: changedGroups.size,
    groupsRemoved: groups.remove.length,
    skipped: [...users.skipped, ...groups.skipped].slice(0, SKIPPED_KEPT),
    error: null,
  };
  await updateLdapDirectory(tx, directory.id, { lastSync: report, syncProgress: null, health: 'Healthy', healthMessage: null, checkedAt: now, updatedAt: now });
  const { startedAt: _s, finishedAt: _f, skipped: _skipped, ...counts } = report;
  await recordAudit(
    tx,
    actor,
    {
      action: 'directory.sync',
      organizationId: org.id,
      accountId: org.accountId,
      target: directoryTarget(directory),
      after: { ...counts, skipped: users.skipped.length + groups.skipped.length, removedUsers: users.remove.map((r) => r.value.name) },
    },
    now,
  );
  return report;
}

/**
 * Gives each directory group the members its entry lists, by DN: users and groups of the directory not removed (a DN
 * the organization does not hold, or the group itself, is left out). Returns the groups whose members changed.
 */
async function syncMemberships(tx: Transaction, organizationId: string, incoming: Mapped<DirectoryGroup>[], now: Date): Promise<Set<string>> {
  const [users, groups, existing] = [await listLinkedUsers(tx, organizationId), await listLinkedGroups(tx, organizationId), await listDirectoryMemberships(tx, organizationId)];
  const byDn = new Map<string, { id: string; type: 'USER' | 'GROUP' }>();
  for (const u of users) if (u.removedAt === null) byDn.set(normalizeDn(u.current.dn), { id: u.id, type: 'USER' });
  for (const g of groups) if (g.removedAt === null) byDn.set(normalizeDn(g.current.dn), { id: g.id, type: 'GROUP' });
  const groupByEntry = new Map(groups.filter((g) => g.removedAt === null).map((g) => [g.current.entryId, g.id]));

  const wanted = new Map<string, { groupId: string; memberId: string; memberType: 'USER' | 'GROUP' }>();
  for (const m of incoming) {
    const groupId = m.ok ? groupByEntry.get(m.value.entryId) : undefined;
    if (!m.ok || !groupId) continue;
    for (const dn of m.value.memberDns) {
      const member = byDn.get(normalizeDn(dn));
      if (member && member.id !== groupId) wanted.set(`${groupId}/${member.id}`, { groupId, memberId: member.id, memberType: member.type });
    }
  }
  const have = new Set(existing.map((e) => `${e.groupId}/${e.memberId}`));
  const adding = [...wanted].filter(([key]) => !have.has(key)).map(([, row]) => row);
  const dropping = existing.filter((e) => !wanted.has(`${e.groupId}/${e.memberId}`));
  await insertDirectoryMemberships(tx, organizationId, adding, now);
  await deleteDirectoryMemberships(tx, organizationId, dropping);
  return new Set([...adding, ...dropping].map((r) => r.groupId));
}
