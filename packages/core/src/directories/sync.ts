import { refusal, type Refusal } from '../errors/refusal.ts';
import type { DirectoryGroup, DirectoryUser, Mapped } from './entries.ts';

/** A user or group already in the organization, linked to its directory entry by `entryId`. */
export interface Linked<T> {
  id: string;
  /** The values the last sync wrote. */
  current: T;
  /** Already found missing from the directory by an earlier sync. */
  removed: boolean;
}

export interface SyncPlan<T> {
  add: T[];
  /** Entries whose values changed, or that came back after being removed. */
  change: { id: string; value: T }[];
  /** Linked entities the directory no longer has (and an earlier sync had not already removed). */
  remove: { id: string; value: T }[];
  unchanged: number;
  skipped: { dn: string; reason: string }[];
}

type Keyed = { entryId: string; name: string; dn: string };

/**
 * What a sync changes, from what the organization holds and what the directory returned: matched by the entry's
 * unique id, so a rename or a move changes the entity instead of replacing it. Two entries with one name (names are
 * unique per organization, without case) keep the first; the other is skipped with the reason.
 */
function plan<T extends Keyed>(linked: Linked<T>[], incoming: Mapped<T>[], same: (a: T, b: T) => boolean): SyncPlan<T> {
  const byEntry = new Map(linked.map((l) => [l.current.entryId, l]));
  const seen = new Set<string>();
  const names = new Set<string>();
  const result: SyncPlan<T> = { add: [], change: [], remove: [], unchanged: 0, skipped: [] };
  for (const m of incoming) {
    if (!m.ok) {
      result.skipped.push({ dn: m.dn, reason: m.reason });
      continue;
    }
    const name = m.value.name.toLowerCase();
    if (names.has(name) || seen.has(m.value.entryId)) {
      result.skipped.push({ dn: m.value.dn, reason: `another entry already has the name "${m.value.name}"` });
      continue;
    }
    names.add(name);
    seen.add(m.value.entryId);
    const existing = byEntry.get(m.value.entryId);
    if (!existing) result.add.push(m.value);
    else if (existing.removed || !same(existing.current, m.value)) result.change.push({ id: existing.id, value: m.value });
    else result.unchanged++;
  }
  for (const l of linked) if (!l.removed && !seen.has(l.current.entryId)) result.remove.push({ id: l.id, value: l.current });
  return result;
}

// Not `email`: a user's primary address is Mailyard's, given by Enable; the directory's mail is not kept.
const userFields = ['dn', 'name', 'displayName', 'firstName', 'lastName', 'telephone', 'department', 'jobTitle'] as const;
// Not `email` either: a group's address is Mailyard's, given when it is enabled.
const groupFields = ['dn', 'name'] as const;

export const planUserSync = (linked: Linked<DirectoryUser>[], incoming: Mapped<DirectoryUser>[]) =>
  plan(linked, incoming, (a, b) => userFields.every((f) => a[f] === b[f]));

/** Memberships are compared by the server once every entry has its Mailyard id. */
export const planGroupSync = (linked: Linked<DirectoryGroup>[], incoming: Mapped<DirectoryGroup>[]) =>
  plan(linked, incoming, (a, b) => groupFields.every((f) => a[f] === b[f]));

/**
 * A sync that would disable more than half of the directory's users at once is far more often a wrong base DN, an
 * object class renamed or a directory half-restored than people leaving: it waits until the operator confirms.
 */
export function massRemovalRefusal(linkedUsers: number, removing: number, confirmed: boolean): Refusal | null {
  if (confirmed || removing === 0 || removing * 2 <= linkedUsers) return null;
  return refusal(
    'DIRECTORY.MASS_REMOVAL',
    `This sync would disable ${removing} of the ${linkedUsers} users from the directory, more than half at once. Check the user base DN and object class; if they really left, sync again and confirm disabling them.`,
    { field: 'confirmMassRemoval', removing, linkedUsers },
  );
}
