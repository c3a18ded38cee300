import { PermanentJobError } from '../platform/permanent-error.ts';
import { syncDirectoriesDue } from '../services/directories/sync-due.ts';
import { SYNC_DIRECTORIES } from '../services/directories/schedule-syncs.ts';
import { pruneExpired } from '../services/housekeeping/prune-expired.ts';
import { PRUNE_EXPIRED } from '../services/housekeeping/schedule-pruning.ts';
import { failImport, runImportBatch } from '../services/imports/run-batch.ts';
import { IMPORT_USERS, ImportBatchJob } from '../services/imports/schedule-batch.ts';
import { DeliveryJob, SEND_MAIL } from '../services/mail/schedule-delivery.ts';
import { failQueuedNotice, sendQueuedNotice } from '../services/mail/send-queued.ts';
import { checkDueDomains } from '../services/mail-domains/check-due.ts';
import { CHECK_DOMAINS } from '../services/mail-domains/schedule-checks.ts';
import { failMigrationRun, runMigrationJob } from '../services/migration/run-job.ts';
import { MIGRATE_WORKMAIL, MigrationJob } from '../services/migration/schedule-run.ts';
import { deleteKeptMailbox } from '../services/mailboxes/delete-kept.ts';
import { DELETE_MAILBOX, MailboxDeletionJob } from '../services/mailboxes/schedule-deletion.ts';
import { finishOrganizationDeletion } from '../services/organizations/finish-deletion.ts';
import { failProvisioning, provisionOrganization } from '../services/organizations/provision.ts';
import { DELETE_ORGANIZATION, DeletionJob } from '../services/organizations/schedule-deletion.ts';
import { PROVISION_ORGANIZATION, ProvisioningJob } from '../services/organizations/schedule-provisioning.ts';
import { localMailyardClient } from '../trpc/local-client.ts';
import type { JobRegistry } from './worker.ts';

/** A malformed notice payload can never be delivered: give up at once rather than retry it twenty times. */
function outboxId(payload: unknown): number {
  const parsed = DeliveryJob.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError(`mail.send: bad payload ${JSON.stringify(payload)}`);
  return parsed.data.outboxId;
}

/**
 * Every job kind this server runs. A handler only reads its payload and calls the service that does the work; the
 * kind, its payload and the function that enqueues it live with that service (`services/<concept>/schedule-*.ts`).
 */
export const jobRegistry: JobRegistry = {
  [PROVISION_ORGANIZATION]: {
    run: ({ deps }, payload) => provisionOrganization(deps, ProvisioningJob.parse(payload)),
    giveUp: ({ deps }, payload, error) => failProvisioning(deps, ProvisioningJob.parse(payload).organizationId, error.message),
  },
  [SEND_MAIL]: {
    run: ({ deps }, payload) => sendQueuedNotice(deps, outboxId(payload)),
    giveUp: async ({ deps }, payload, error) => {
      const parsed = DeliveryJob.safeParse(payload);
      if (parsed.success) await failQueuedNotice(deps, parsed.data.outboxId, error.message);
    },
  },
  [DELETE_MAILBOX]: {
    run: ({ deps }, payload) => deleteKeptMailbox(deps, MailboxDeletionJob.parse(payload)),
  },
  [DELETE_ORGANIZATION]: {
    run: ({ deps }, payload) => finishOrganizationDeletion(deps, DeletionJob.parse(payload).organizationId),
  },
  [IMPORT_USERS]: {
    run: ({ deps }, payload) => runImportBatch(deps, ImportBatchJob.parse(payload)),
    giveUp: ({ deps }, payload, error) => failImport(deps, ImportBatchJob.parse(payload), error.message),
  },
  [MIGRATE_WORKMAIL]: {
    // The run changes the organization through the typed client in process, as the operator who started it.
    run: ({ deps }, payload) => {
      const job = MigrationJob.parse(payload);
      return runMigrationJob(deps, job, localMailyardClient(deps, job.actor));
    },
    giveUp: ({ deps }, payload, error) => failMigrationRun(deps, MigrationJob.parse(payload), error.message),
  },
  [PRUNE_EXPIRED]: {
    run: ({ deps }) => pruneExpired(deps),
  },
  [CHECK_DOMAINS]: {
    run: ({ deps }) => checkDueDomains(deps),
  },
  [SYNC_DIRECTORIES]: {
    run: ({ deps }) => syncDirectoriesDue(deps),
  },
};
