import { checkDomains } from './handlers/check-domains.ts';
import { deleteMailbox } from './handlers/delete-mailbox.ts';
import { deleteOrganizationJob } from './handlers/delete-organization.ts';
import { importUsers } from './handlers/import-users.ts';
import { provisionOrganization } from './handlers/provision-organization.ts';
import { pruneExpired } from './handlers/prune-expired.ts';
import { sendMail } from './handlers/send-mail.ts';
import { CHECK_DOMAINS, DELETE_MAILBOX, DELETE_ORGANIZATION, IMPORT_USERS, PROVISION_ORGANIZATION, PRUNE_EXPIRED, SEND_MAIL } from './kinds.ts';
import type { JobRegistry } from './worker.ts';

/** Every job kind this server runs. */
export const jobRegistry: JobRegistry = {
  [PROVISION_ORGANIZATION]: provisionOrganization,
  [SEND_MAIL]: sendMail,
  [DELETE_MAILBOX]: deleteMailbox,
  [DELETE_ORGANIZATION]: deleteOrganizationJob,
  [IMPORT_USERS]: importUsers,
  [PRUNE_EXPIRED]: pruneExpired,
  [CHECK_DOMAINS]: checkDomains,
};
