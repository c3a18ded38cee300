import { z } from 'zod';
import { emailAddressSchema, normalizeAddress } from '../addresses/address.ts';
import { parseCsv } from '../imports/csv.ts';
import { checkPassword } from '../passwords/policy.ts';

/**
 * WorkMail never gives a password out, so each migrated user gets one of three: a password from the operator's CSV,
 * a one-time reset link mailed to a recovery address from the CSV, or none (the mailbox works, signing in does not,
 * until an operator sets a password or issues a link).
 */
export const passwordModes = ['none', 'csv', 'reset-link'] as const;
export type PasswordMode = (typeof passwordModes)[number];
export const PasswordModeSchema = z.enum(passwordModes);

export type PasswordChoice = { kind: 'none'; why: string } | { kind: 'password'; password: string } | { kind: 'reset-link'; recoveryAddress: string };

/** The column of the operator's CSV that a password option reads: the password, or the recovery address. */
export type CredentialColumn = 'password' | 'recovery_email';
export const credentialColumnOf = (mode: Exclude<PasswordMode, 'none'>): CredentialColumn => (mode === 'csv' ? 'password' : 'recovery_email');

/** The CSV's values by user name and by source address, both lower-case (either column identifies the user). */
export type CredentialRows = Map<string, string>;

/**
 * Reads `user,value` rows (a header line first; `user` is the user name or the source address). Refuses a file
 * it cannot read whole, naming the line.
 */
export function parseCredentialCsv(content: string, column: CredentialColumn): { ok: true; rows: CredentialRows } | { ok: false; message: string } {
  const parsed = parseCsv(content);
  if (!parsed.ok) return { ok: false, message: `Line ${parsed.line}: ${parsed.message}` };
  const [header, ...records] = parsed.records;
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const userAt = names.indexOf('user');
  const valueAt = names.indexOf(column);
  if (userAt < 0 || valueAt < 0) return { ok: false, message: `The header line must name the columns "user" and "${column}".` };
  const rows: CredentialRows = new Map();
  for (const record of records) {
    const user = record.fields[userAt]?.trim().toLowerCase() ?? '';
    const value = record.fields[valueAt] ?? '';
    if (!user) return { ok: false, message: `Line ${record.line}: the "user" column is empty.` };
    if (column === 'recovery_email' && !emailAddressSchema.safeParse(value.trim()).success) {
      return { ok: false, message: `Line ${record.line}: "${value}" is not a valid recovery address.` };
    }
    rows.set(user, column === 'recovery_email' ? normalizeAddress(value) : value);
  }
  return { ok: true, rows };
}

/** What a new user gets, and why in words when it is nothing. */
export function passwordChoiceFor(user: { name: string; email: string | null }, mode: PasswordMode, rows: CredentialRows): PasswordChoice {
  if (mode === 'none') return { kind: 'none', why: 'no password option chosen' };
  const value = rows.get(user.name.toLowerCase()) ?? (user.email ? rows.get(user.email.toLowerCase()) : undefined);
  if (value === undefined) return { kind: 'none', why: 'no row in the CSV' };
  if (mode === 'reset-link') {
    return user.email ? { kind: 'reset-link', recoveryAddress: value } : { kind: 'none', why: 'disabled in the source, so nobody can sign in to reset' };
  }
  const check = checkPassword(value);
  return check.ok ? { kind: 'password', password: value } : { kind: 'none', why: `the CSV's password breaks the policy: ${check.problems.join(' ')}` };
}

/** The sentence the plan prints about passwords, before any count. */
export function passwordModeSentence(mode: PasswordMode): string {
  switch (mode) {
    case 'none':
      return 'Passwords cannot be read from WorkMail. New users get no password: their mailboxes receive mail, but nobody can sign in until an operator sets a password or issues a reset link.';
    case 'csv':
      return 'Passwords cannot be read from WorkMail. New users get the password of their row in the passwords CSV; users without a row (or with a password the policy refuses) get none and cannot sign in until an operator sets one.';
    case 'reset-link':
      return 'Passwords cannot be read from WorkMail. New users get a one-time reset link mailed to the recovery address of their row in the CSV; users without a row get no password and cannot sign in until an operator sets one.';
  }
}
