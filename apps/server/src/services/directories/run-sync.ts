import type { SyncReport } from '@mailyard/core/directories';
import { fail, isDomainError } from '@mailyard/core/errors';
import { inTransaction, type Transaction } from '@mailyard/db';
import { updateLdapDirectory, type LdapConnectionRow } from '@mailyard/db/queries/ldap-directories';
import { lockOrganization } from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../actor.ts';
import { transition, type LockedOrganization } from '../organizations/transition.ts';
import { applyDirectorySync } from './apply-sync.ts';
import { readRegisteredDirectory } from './read-entries.ts';

/** Locks the organization's row for the sync's transaction (checking the actor's scope); `null` when it is gone. */
export type LockOrganization = (tx: Transaction) => Promise<LockedOrganization | null>;

/**
 * One sync of a Standard setup organization, by *Sync now* or the periodic job: read the directory (outside any
 * transaction, its progress kept on the directory row for the console), then write it with the organization locked.
 * It is also the health check: a directory that cannot be read moves an Active organization to `Impaired` with the
 * reason as its error message, and a good read brings an Impaired one back to `Active`.
 */
export async function runDirectorySync(
  deps: Deps,
  actor: Actor,
  row: LdapConnectionRow,
  organizationId: string,
  lock: LockOrganization,
  options: { confirmMassRemoval: boolean },
): Promise<SyncReport> {
  const startedAt = deps.clock();
  // The last sync's count is the estimate of how many entries this one reads.
  const estimate = row.entriesLastFound ?? 0;
  const progress = (phase: 'reading' | 'writing', done: number, total: number) =>
    updateLdapDirectory(deps.db, row.id, { syncProgress: { phase, done, total: Math.max(total, done), startedAt } });
  await progress('reading', 0, estimate);
  try {
    const snapshot = await readRegisteredDirectory(deps, row, (done) => progress('reading', done, estimate)).catch(async (error: unknown) => {
      if (isDomainError(error)) await impair(deps, organizationId, error.message);
      throw error;
    });
    const total = snapshot.users.length + snapshot.groups.length;
    await progress('writing', 0, total);
    return await inTransaction(deps.db, async (tx) => {
      const org = await lock(tx);
      if (!org) fail('ORGANIZATION.NOT_FOUND', `Organization ${organizationId} was not found.`, { field: 'organizationId' });
      if (org.state === 'Impaired') await transition(tx, org, 'healthy', deps.clock(), { errorMessage: null });
      if (org.state !== 'Active') fail('ORGANIZATION.NOT_ACTIVE', `Organization ${org.id} is not Active, state: ${org.state}`, { state: org.state });
      return applyDirectorySync(deps, tx, actor, org, row, snapshot, { confirmMassRemoval: options.confirmMassRemoval, startedAt });
    });
  } finally {
    await updateLdapDirectory(deps.db, row.id, { syncProgress: null });
  }
}

/** The directory did not answer: an Active organization becomes Impaired, an Impaired one keeps the latest reason. */
async function impair(deps: Deps, organizationId: string, reason: string): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const org = await lockOrganization(tx, organizationId);
    if (org?.state === 'Active') await transition(tx, org, 'impair', deps.clock(), { errorMessage: reason });
  });
}
