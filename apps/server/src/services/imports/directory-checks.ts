import { splitAddress } from '@mailyard/core/addresses';
import type { Refusal } from '@mailyard/core/errors';
import { nameTakenBy } from '@mailyard/core/entities';
import type { ImportFileRow, ImportRowProblem } from '@mailyard/core/imports';
import { normalizeUserName } from '@mailyard/core/users';
import type { Db } from '@mailyard/db';
import { findAddressHolders, findUsersByNames, type ExistingUser } from '@mailyard/db/queries/imports';
import { listMailDomains } from '@mailyard/db/queries/mail-domains';
import { addressInUse, organizationDomainRefusal } from '../addresses/claim.ts';

export interface CheckedRow extends ImportFileRow {
  /** The user that already exists with this row's name and address: the row will be skipped. */
  existing: ExistingUser | null;
}

/**
 * The dry run's checks against the directory, for every row at once (three queries for the whole file): the name
 * taken in the organization, the address taken anywhere, the domain not one of the organization's verified ones. The
 * refusals are the services' own (create user, claim address), which apply the same rules again, row by row, when the
 * import is applied. A row naming a user that exists with the same name and address is not a problem: it is skipped.
 */
export async function checkAgainstDirectory(db: Db, organizationId: string, rows: ImportFileRow[]): Promise<CheckedRow[]> {
  const fine = (row: ImportFileRow, field: string) => row.shown[field as 'name'] !== '' && !row.problems.some((p) => p.field === field);
  const names = rows.filter((r) => fine(r, 'name')).map((r) => r.shown.name);
  const emails = rows.filter((r) => fine(r, 'email')).map((r) => r.shown.email);
  const [existingUsers, holders, domains] = await Promise.all([
    findUsersByNames(db, organizationId, names),
    findAddressHolders(db, emails),
    listMailDomains(db, organizationId),
  ]);
  const userByName = new Map(existingUsers.map((u) => [normalizeUserName(u.name), u]));
  const held = new Set(holders.map((h) => h.address));
  const domainByName = new Map(domains.map((d) => [d.domain, d]));
  const emailRefusals = (address: string): (Refusal | null)[] => {
    const domain = splitAddress(address)?.domain ?? '';
    return [held.has(address) ? addressInUse({ address, field: 'email' }) : null, organizationDomainRefusal(domainByName.get(domain) ?? null, domain, 'email')];
  };

  return rows.map((row) => {
    const existing = fine(row, 'name') ? (userByName.get(normalizeUserName(row.shown.name)) ?? null) : null;
    if (existing && existing.email === row.shown.email && row.problems.length === 0) return { ...row, existing };
    const refusals = [existing && nameTakenBy({ type: 'USER', name: row.shown.name }, { type: 'USER', name: existing.name }), ...(fine(row, 'email') ? emailRefusals(row.shown.email) : [])];
    const problems = refusals.filter((r) => r !== null).map(toProblem);
    if (problems.length === 0) return { ...row, existing: null };
    return { ...row, user: null, problems: [...row.problems, ...problems], existing: null };
  });
}

/** Every refusal names its field (`name`, `email`); one that did not would be about the row as a whole. */
const toProblem = (refused: Refusal): ImportRowProblem => ({ field: refused.details?.field ?? 'row', message: refused.message });
