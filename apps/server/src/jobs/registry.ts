import { provisionOrganization } from './handlers/provision-organization.ts';
import { PROVISION_ORGANIZATION } from './kinds.ts';
import type { JobRegistry } from './worker.ts';

/** Every job kind this server runs. */
export const jobRegistry: JobRegistry = {
  [PROVISION_ORGANIZATION]: provisionOrganization,
};
