import { z } from 'zod';
import { inTransaction } from '@mailyard/db';
import { lockOrganization, releaseOrganizationContents } from '@mailyard/db/queries/organizations';
import { systemActor } from '../../services/actor.ts';
import { recordAudit } from '../../services/audit.ts';
import type { JobHandler } from '../types.ts';
import { transition } from './provision-organization.ts';

const Payload = z.object({ organizationId: z.string() });

/**
 * `Deleting` → `Deleted` in one transaction: everything the organization held is released (addresses, domains,
 * users, groups, mailboxes), then the state moves on. Re-running after a crash finds it Deleted and stops.
 */
export const deleteOrganizationJob: JobHandler = {
  async run({ deps }, payload) {
    const { organizationId } = Payload.parse(payload);
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
      await transition(deps, tx, org, 'deleted', { deletedAt: now });
    });
  },
};
