import { failIf } from '@mailyard/core/errors';
import {
  deletionRefusal,
  isDeletionUnderway,
  nextOrganizationState,
  type DeleteOrganizationInput,
  type OrganizationState,
} from '@mailyard/core/organizations';
import { inTransaction } from '@mailyard/db';
import { countEnabledUsers, updateOrganization } from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireOrganization } from './require.ts';
import { scheduleOrganizationDeletion } from './schedule-deletion.ts';

/**
 * Moves the organization to `Deleting` and enqueues the workflow that frees its addresses and domains and ends
 * at `Deleted` (the organization stays listed and describable, as in WorkMail). Asking again while the deletion
 * is underway or done answers the current state.
 */
export async function deleteOrganization(
  deps: Deps,
  actor: OperatorActor,
  input: DeleteOrganizationInput,
): Promise<{ organizationId: string; state: OrganizationState }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireOrganization(tx, actor, input.organizationId, { lock: 'update' });
    if (isDeletionUnderway(org.state)) return { organizationId: org.id, state: org.state };
    const enabledUsers = await countEnabledUsers(tx, org.id);
    failIf(deletionRefusal({ id: org.id, state: org.state, enabledUsers, force: input.forceDelete }));

    const state = nextOrganizationState(org.state, 'delete')!;
    await updateOrganization(tx, org.id, { state });
    await scheduleOrganizationDeletion(tx, org.id, now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'organization.delete',
        organizationId: org.id,
        target: { type: 'organization', id: org.id, label: org.alias },
        before: { state: org.state },
        after: { state, forceDelete: input.forceDelete, enabledUsers },
      },
      now,
    );
    return { organizationId: org.id, state };
  });
}
