import { splitAddress } from '@mailyard/core/addresses';
import { isDomainError } from '@mailyard/core/errors';
import type { ImportFileRow, ImportRowProblem } from '@mailyard/core/imports';
import { normalizeUserName } from '@mailyard/core/users';
import type { Db } from '@mailyard/db';
import { findAddressHolders, findUsersByNames, type ExistingUser } from '@mailyard/db/queries/imports';
import { assertOrganizationDomain } from '../addresses/claim.ts';
import { nameTaken } from '../users/create.ts';

export interface CheckedRow extends ImportFileRow {
  /** The user that already exists with this row's name and address: the row will be skipped. */
  existing: ExistingUser | null;
}

/**
 * The dry run's checks against the directory, for every row at once (three queries for the whole file): the name
 * taken in the organization, the address taken anywhere, the domain not one of the organization's verified ones. The
 * words are the services' own (create user, claim address), which apply the same rules again, row by row, when the
 * import is applied. A row naming a user that exists with the same name and address is not a problem: it is skipped.
 */
export async function checkAgainstDirectory(db: Db, organizationId: string, rows: ImportFileRow[]): Promise<CheckedRow[]> {
  const fine = (row: ImportFileRow, field: string) => row.shown[field as 'name'] !== '' && !row.problems.some((p) => p.field === field);
  const names = rows.filter((r) => fine(r, 'name')).map((r) => r.shown.name);
  const emails = rows.filter((r) => fine(r, 'email')).map((r) => r.shown.email);
  const [existingUsers, holders] = await Promise.all([findUsersByNames(db, organizationId, names), findAddressHolders(db, emails)]);
  const userByName = new Map(existingUsers.map((u) => [normalizeUserName(u.name), u]));
  const holderOf = new Map(holders.map((h) => [h.address, h]));
  const domainProblem = await domainProblems(db, organizationId, emails);

  return rows.map((row) => {
    const existing = fine(row, 'name') ? (userByName.get(normalizeUserName(row.shown.name)) ?? null) : null;
    if (existing && existing.email === row.shown.email && row.problems.length === 0) return { ...row, existing };
    const problems: ImportRowProblem[] = [];
    if (existing) problems.push(problemOf('name', () => nameTaken(row.shown.name)));
    if (fine(row, 'email')) {
      const holder = holderOf.get(row.shown.email);
      if (holder) problems.push({ field: 'email', message: `The email address ${row.shown.email} is already in use.` });
      const domain = domainProblem.get(splitAddress(row.shown.email)?.domain ?? '');
      if (domain) problems.push(domain);
    }
    if (problems.length === 0) return { ...row, existing: null };
    return { ...row, user: null, problems: [...row.problems, ...problems], existing: null };
  });
}

/** The domain rule of every address path (`assertOrganizationDomain`), asked once per distinct domain of the file. */
async function domainProblems(db: Db, organizationId: string, emails: string[]): Promise<Map<string, ImportRowProblem>> {
  const byDomain = new Map<string, string>();
  for (const email of emails) {
    const domain = splitAddress(email)?.domain ?? '';
    if (!byDomain.has(domain)) byDomain.set(domain, email);
  }
  const problems = new Map<string, ImportRowProblem>();
  for (const [domain, email] of byDomain) {
    try {
      await assertOrganizationDomain(db, organizationId, email, 'email');
    } catch (error) {
      problems.set(domain, toProblem('email', error));
    }
  }
  return problems;
}

function problemOf(field: string, refuse: () => never): ImportRowProblem {
  try {
    refuse();
  } catch (error) {
    return toProblem(field, error);
  }
}

function toProblem(field: string, error: unknown): ImportRowProblem {
  if (!isDomainError(error)) throw error;
  return { field, message: error.message };
}
