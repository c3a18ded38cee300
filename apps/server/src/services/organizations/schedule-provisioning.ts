import { z } from 'zod';
import type { Db } from '@mailyard/db';
import { enqueueJob } from '@mailyard/db/queries/jobs';
import { text } from '@mailyard/core/text';

export const PROVISION_ORGANIZATION = 'organization.provision';

export const ProvisioningJob = z.object({
  organizationId: text(),
  /** CreateOrganization's `Domains`, already checked by core's rules (A-label form). */
  domains: z.array(text()).default([]),
});
export type ProvisionRequest = z.infer<typeof ProvisioningJob>;

/** Enqueues the Quick-setup workflow (`provisionOrganization`) of a `Requested` organization, in the transaction that records it. */
export async function scheduleProvisioning(tx: Db, request: ProvisionRequest, now: Date): Promise<void> {
  await enqueueJob(tx, {
    kind: PROVISION_ORGANIZATION,
    payload: request,
    runAt: now,
    key: `${PROVISION_ORGANIZATION}:${request.organizationId}`,
    createdAt: now,
  });
}
