import { inTransaction } from '@mailyard/db';
import { lockOrganization, releaseOrganizationContents } from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import { systemActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { transition } from './transition.ts';

/**
 * The `organization.delete` job: `Deleting` → `Deleted` in one transaction. Everything the organization held is
 * released (addresses, domains, users, groups, mailboxes), then the state moves on. Re-running after a crash finds it
 * Deleted and stops.
 */
export async function finishOrganizationDeletion(deps: Deps, organizationId: string): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const org = await lockOrganization(tx, organizationId);
    if (!org || org.state !== 'Deleting') return;
    const now = deps.clock();
    const released = await releaseOrganizationContents(tx, org.id, now);
    await recordAudit(
      tx,
      systemActor,
      {
        action: 'organization.release',
        accountId: org.accountId,
        organizationId: org.id,
        target: { type: 'organization', id: org.id, label: org.alias },
        after: released,
      },
      now,
    );
    await transition(tx, org, 'deleted', now, { deletedAt: now });
  });
}
