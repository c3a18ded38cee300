import { groupNameSchema } from '../groups/names.ts';
import { isReservedName } from '../users/system.ts';
import { USER_ATTRIBUTE_MAX_LENGTH } from '../users/attributes.ts';
import { userNameSchema } from '../users/names.ts';
import type { AttributeMapping } from './presets.ts';

/** A directory entry as the server read it: attribute names in lower case, every value as text. */
export interface DirectoryEntry {
  dn: string;
  attributes: Record<string, string[]>;
}

/** The Mailyard side of a directory user: what the sync writes, and the DN a sign-in binds as. */
export interface DirectoryUser {
  entryId: string;
  dn: string;
  name: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  telephone: string | null;
  department: string | null;
  jobTitle: string | null;
}

export interface DirectoryGroup {
  entryId: string;
  dn: string;
  name: string;
  email: string | null;
  /** DNs of its members as the directory lists them: users, or groups (nesting). */
  memberDns: string[];
}

export type Mapped<T> = { ok: true; value: T } | { ok: false; dn: string; reason: string };

const first = (entry: DirectoryEntry, attribute: string | null): string | null => {
  if (!attribute) return null;
  const value = entry.attributes[attribute.toLowerCase()]?.[0]?.trim();
  return value ? value.slice(0, USER_ATTRIBUTE_MAX_LENGTH) : null;
};

/** DNs compare without case and without the spaces after commas that some directories write. */
export const normalizeDn = (dn: string) => dn.toLowerCase().replace(/,\s+/g, ',').trim();

/**
 * The id and name every entry needs, or why it is skipped: no id, no name, a name Mailyard's rules refuse, or one
 * reserved for the mail system.
 */
function identify(entry: DirectoryEntry, idAttribute: string, nameAttribute: string, kind: 'user' | 'group') {
  const entryId = first(entry, idAttribute);
  if (!entryId) return { ok: false as const, dn: entry.dn, reason: `it has no ${idAttribute}` };
  const raw = first(entry, nameAttribute);
  if (!raw) return { ok: false as const, dn: entry.dn, reason: `it has no ${nameAttribute}` };
  const name = (kind === 'user' ? userNameSchema : groupNameSchema).safeParse(raw);
  if (!name.success) return { ok: false as const, dn: entry.dn, reason: `its ${nameAttribute} "${raw}" is not a valid ${kind} name: ${name.error.issues[0]!.message}` };
  if (isReservedName(name.data)) return { ok: false as const, dn: entry.dn, reason: `its ${nameAttribute} "${raw}" is reserved for the mail system` };
  return { ok: true as const, entryId, name: name.data };
}

export function directoryUserFrom(entry: DirectoryEntry, mapping: AttributeMapping): Mapped<DirectoryUser> {
  const id = identify(entry, mapping.uniqueId, mapping.userName, 'user');
  if (!id.ok) return id;
  return {
    ok: true,
    value: {
      entryId: id.entryId,
      dn: entry.dn,
      name: id.name,
      displayName: first(entry, mapping.displayName) ?? id.name,
      firstName: first(entry, mapping.firstName),
      lastName: first(entry, mapping.lastName),
      email: first(entry, mapping.email)?.toLowerCase() ?? null,
      telephone: first(entry, mapping.telephone),
      department: first(entry, mapping.department),
      jobTitle: first(entry, mapping.jobTitle),
    },
  };
}

export function directoryGroupFrom(entry: DirectoryEntry, mapping: AttributeMapping): Mapped<DirectoryGroup> {
  const id = identify(entry, mapping.uniqueId, mapping.groupName, 'group');
  if (!id.ok) return id;
  return {
    ok: true,
    value: {
      entryId: id.entryId,
      dn: entry.dn,
      name: id.name,
      email: first(entry, mapping.groupEmail)?.toLowerCase() ?? null,
      memberDns: entry.attributes[mapping.groupMember.toLowerCase()] ?? [],
    },
  };
}
