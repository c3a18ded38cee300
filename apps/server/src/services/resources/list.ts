import { z } from 'zod';
import { text } from '@mailyard/core/text';
import type { Page } from '@mailyard/core/pagination';
import type { ListResourcesInput, ResourceSummary } from '@mailyard/core/resources';
import type { Db } from '@mailyard/db';
import { listResourcesPage } from '@mailyard/db/queries/resources';
import type { OperatorActor } from '../actor.ts';
import { readInOrganization, type OrganizationCheck } from '../organizations/require.ts';
import { cursorKey, pageOf } from '../page.ts';

const ResourceKey = z.tuple([text(), z.guid()]);

/** A page of the organization's resources by name: the console's search and state filter, or WorkMail's ListResources filters. */
export async function listResources(
  db: Db,
  actor: OperatorActor,
  input: ListResourcesInput,
  /** What the organization must be: reachable (the console lists any state), or also Active (WorkMail's lists). */
  check?: OrganizationCheck,
): Promise<Page<ResourceSummary>> {
  const filter = { organizationId: input.organizationId, search: input.search, namePrefix: input.namePrefix, emailPrefix: input.primaryEmailPrefix, state: input.state };
  // A cursor resumes only the list it came from: same organization, same filters.
  const scope = JSON.stringify(['resources', { ...filter }]);
  const after = cursorKey(scope, input.cursor, ResourceKey);
  const rows = await readInOrganization(db, actor, input.organizationId, () => listResourcesPage(db, { ...filter, after, limit: input.limit + 1 }), check);
  const page = pageOf(rows, input.limit, scope, (row) => row.key);
  return { ...page, items: page.items.map(({ key: _, ...resource }) => resource) };
}
