import { isDomainError } from '@mailyard/core/errors';
import type { ImportOutcome } from '@mailyard/core/imports';
import type { StoredImportRow } from '@mailyard/db/queries/imports';
import { findUserByName } from '@mailyard/db/queries/users';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { createUser } from '../users/create.ts';

export interface RowResult {
  outcome: ImportOutcome;
  message: string | null;
  userId: string | null;
}

/** Refusals about the organization or the operator's reach, not the row: no other row can succeed either. */
export const isOrganizationRefusal = (code: string) => code.startsWith('ORGANIZATION.');

/**
 * Creates one row's user through the Create user service (its own transaction: enabled, address, mailbox, audit). A
 * user that already exists with the row's name and address is skipped, so an import interrupted anywhere — or the
 * same file imported twice — creates each user once. A refused row fails with the service's message; other rows go on.
 */
export async function importRow(deps: Deps, actor: OperatorActor, organizationId: string, row: StoredImportRow): Promise<RowResult> {
  const user = row.user;
  if (!user) return { outcome: 'failed', message: 'The row has problems.', userId: null };
  const existing = await findUserByName(deps.db, organizationId, user.name);
  if (existing && existing.email === user.email) {
    return { outcome: 'skipped', message: 'A user with this name and email address already exists.', userId: existing.id };
  }
  const { name, displayName, email, firstName, lastName, hiddenFromGlobalAddressList, ...details } = user;
  try {
    const { userId } = await createUser(
      deps,
      actor,
      {
        organizationId,
        name,
        displayName,
        email,
        firstName,
        lastName,
        details,
        hiddenFromGlobalAddressList,
        password: row.sealedPassword ? deps.masterKey.open(row.sealedPassword).toString('utf8') : undefined,
      },
      { register: true },
    );
    return { outcome: 'created', message: null, userId };
  } catch (error) {
    if (isDomainError(error) && !isOrganizationRefusal(error.code)) return { outcome: 'failed', message: error.message, userId: null };
    throw error;
  }
}
