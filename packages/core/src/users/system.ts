import { refusal, type Refusal } from '../errors/refusal.ts';

/**
 * Created with every organization as SYSTEM_USER: every mail domain must accept mail for postmaster
 * (RFC 5321 §4.5.1), so each organization has a postmaster mailbox, given postmaster@ on each of its domains.
 * System users cannot be deleted, renamed or disabled.
 */
export const systemUsers = [{ name: 'postmaster', displayName: 'Postmaster' }] as const;

/**
 * Names refused when an operator creates a user or group (WorkMail's ReservedNameException): the mail system's own
 * role accounts (RFC 5321, RFC 2142). Only creation checks them; the system creates its users by another path.
 */
export const reservedNames = ['postmaster', 'mailer-daemon', 'abuse', 'hostmaster'] as const;

/** Compared without case, and on the part before any @ (a user name may have the form of an address). */
export function isReservedName(name: string): boolean {
  const local = name.trim().toLowerCase().split('@')[0]!;
  return (reservedNames as readonly string[]).includes(local);
}

export function reservedNameRefusal(name: string, kind: 'user' | 'group' | 'resource'): Refusal | null {
  if (!isReservedName(name)) return null;
  return refusal(
    ({ user: 'USER.NAME_RESERVED', group: 'GROUP.NAME_RESERVED', resource: 'RESOURCE.NAME_RESERVED' } as const)[kind],
    `"${name.trim()}" is reserved for the mail system and cannot be used as a ${kind} name.`,
    { field: 'name', reserved: reservedNames },
  );
}
