import { nextOrganizationState, type OrganizationEvent } from '@mailyard/core/organizations';
import type { Transaction } from '@mailyard/db';
import { type lockOrganization, updateOrganization } from '@mailyard/db/queries/organizations';
import { PermanentJobError } from '../../platform/permanent-error.ts';
import { systemActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

/** An organization row read under lock by a workflow step. */
export type LockedOrganization = NonNullable<Awaited<ReturnType<typeof lockOrganization>>>;

/**
 * Moves the locked organization to the state `event` leads to, with its audit event, in the workflow's transaction.
 * A refused event is permanent: retrying the job cannot change the state it found.
 */
export async function transition(
  tx: Transaction,
  org: LockedOrganization,
  event: OrganizationEvent,
  now: Date,
  patch: Parameters<typeof updateOrganization>[2] = {},
) {
  const next = nextOrganizationState(org.state, event);
  if (!next) throw new PermanentJobError(`Organization ${org.id} cannot ${event} from ${org.state}.`);
  await updateOrganization(tx, org.id, { ...patch, state: next });
  await recordAudit(
    tx,
    systemActor,
    {
      action: `organization.${event}`,
      accountId: org.accountId,
      organizationId: org.id,
      target: { type: 'organization', id: org.id, label: org.alias },
      before: { state: org.state },
      after: { state: next, ...('errorMessage' in patch ? { errorMessage: patch.errorMessage } : {}) },
    },
    now,
  );
  org.state = next;
}
