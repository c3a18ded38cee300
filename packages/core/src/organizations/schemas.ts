import { z } from 'zod';
import type { MailDomainSummary } from '../mail-domains/models.ts';
import { pageInput, prefixFilter } from '../pagination/cursor.ts';
import { sortInput } from '../pagination/sorting.ts';
import { organizationAlias } from './alias.ts';
import { organizationDomains } from '../mail-domains/schemas.ts';
import { directoryId } from '../directories/ids.ts';
import { clientToken, organizationId } from './ids.ts';
import { organizationStates } from './state.ts';
import { MAX_TAGS, tagKey, tagList } from './tags.ts';

export const CreateOrganizationInput = z.object({
  alias: organizationAlias,
  /** Makes a retried request return the first request's organization instead of a second one. */
  clientToken: clientToken.optional(),
  /** Own domains to add while the organization is created (WorkMail's `Domains`), each pending verification. */
  domains: organizationDomains.default([]),
  /** Standard setup: a directory the account registered (WorkMail's `DirectoryId`); absent = Quick setup. */
  directoryId: directoryId.optional(),
});
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationInput>;

export const OrganizationRef = z.object({ organizationId });

/** Deleting needs `forceDelete` while users are enabled (WorkMail's ForceDelete). */
export const DeleteOrganizationInput = z.object({ organizationId, forceDelete: z.boolean().default(false) });
export type DeleteOrganizationInput = z.infer<typeof DeleteOrganizationInput>;

export const TagOrganizationInput = z.object({ organizationId, tags: tagList });
export type TagOrganizationInput = z.infer<typeof TagOrganizationInput>;

/** Keys the organization does not have are ignored, as WorkMail's UntagResource does. */
export const UntagOrganizationInput = z.object({ organizationId, keys: z.array(tagKey).min(1, 'Give at least one tag key.').max(MAX_TAGS, `Give at most ${MAX_TAGS} tag keys at once.`) });
export type UntagOrganizationInput = z.infer<typeof UntagOrganizationInput>;

/** The columns the organizations list sorts on (each with its page index). */
export const organizationSortColumns = ['alias', 'state', 'defaultMailDomain', 'createdAt'] as const;
export type OrganizationSort = (typeof organizationSortColumns)[number];

const organizationFilters = {
  /** The console's search box: a fragment anywhere in the alias, the default mail domain or the id. */
  search: prefixFilter('Search'),
  /** One state (Deleted too); absent = every state but Deleted, unless `includeDeleted`. */
  state: z.enum(organizationStates).optional(),
  /** Deleted organizations stay listed, as in WorkMail; the console hides them by default. */
  includeDeleted: z.boolean().default(false),
};

/** Without `sort`, newest first (as WorkMail's ListOrganizations and scripts have it). */
export const ListOrganizationsInput = z.object({ ...pageInput, ...organizationFilters, ...sortInput(organizationSortColumns) });
export type ListOrganizationsInput = z.infer<typeof ListOrganizationsInput>;

export const CountOrganizationsInput = z.object(organizationFilters);
export type CountOrganizationsInput = z.infer<typeof CountOrganizationsInput>;

export const DirectoryType = z.enum(['WorkMailDirectory', 'ExternalDirectory']);
export const OrganizationStateSchema = z.enum(organizationStates);

/** The read model every entry point returns for an organization. */
export interface OrganizationSummary {
  id: string;
  alias: string;
  state: z.infer<typeof OrganizationStateSchema>;
  defaultMailDomain: string | null;
  errorMessage: string | null;
  createdAt: Date;
}

export interface OrganizationDetail extends OrganizationSummary {
  directoryType: z.infer<typeof DirectoryType>;
  directoryId: string | null;
  /** `null` = the installation's managed key. */
  kmsKeyArn: string | null;
  encryptionKeyLabel: string;
  interoperabilityEnabled: boolean;
  completedAt: Date | null;
}

/** An organization's page: its details and its mail domains. */
export interface OrganizationView extends OrganizationDetail {
  domains: MailDomainSummary[];
}

/** Installation settings the console shows before anything is created (previews and examples); no secrets. */
export interface SetupDefaults {
  /** Quick setup's free test domain is `<alias>.<testDomainSuffix>` (MAILYARD_TEST_DOMAIN_SUFFIX). */
  testDomainSuffix: string;
  /** The region SigV4 requests to `/aws` must be signed for (MAILYARD_REGION), for the console's CLI examples. */
  region: string;
}
