import { isDomainError } from '@mailyard/core/errors';
import { findLdapConnection, listSyncedOrganizationsPage } from '@mailyard/db/queries/ldap-directories';
import { lockOrganization } from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import { addMs } from '../../platform/clock.ts';
import { systemActor } from '../actor.ts';
import { runDirectorySync } from './run-sync.ts';
import { scheduleDirectorySyncs } from './schedule-syncs.ts';

const PAGE = 50;

/**
 * The `directories.sync` job, every MAILYARD_DIRECTORY_SYNC_SECONDS: each Standard setup organization (Active or
 * Impaired) is synchronised with its directory in turn, each its own read and transaction, so one directory that does
 * not answer (its organization becomes Impaired) or refuses a mass removal does not stop the others. Then the next
 * run is scheduled.
 */
export async function syncDirectoriesDue(deps: Deps): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const page = await listSyncedOrganizationsPage(deps.db, { after, limit: PAGE });
    for (const { organizationId, directoryId } of page) {
      const row = await findLdapConnection(deps.db, directoryId);
      if (!row) continue;
      try {
        await runDirectorySync(deps, systemActor, row, organizationId, (tx) => lockOrganization(tx, organizationId), { confirmMassRemoval: false });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        deps.log.warn('periodic directory sync refused', { organizationId, directoryId, error: error.message });
      }
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.organizationId;
  }
  const interval = deps.config.MAILYARD_DIRECTORY_SYNC_SECONDS;
  const now = deps.clock();
  await scheduleDirectorySyncs(deps.db, addMs(now, interval * 1000), now, interval);
}
