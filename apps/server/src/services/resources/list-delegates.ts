import { z } from 'zod';
import type { Page } from '@mailyard/core/pagination';
import type { ListResourceDelegatesInput, ResourceDelegateSummary } from '@mailyard/core/resources';
import type { Db } from '@mailyard/db';
import { listResourceDelegatesPage } from '@mailyard/db/queries/resources';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { cursorKey, pageOf } from '../page.ts';
import { requireResource } from './require.ts';

const DelegateKey = z.tuple([z.guid()]);

/** A page of a resource's delegates (users and groups), in a stable order. */
export async function listResourceDelegates(db: Db, actor: OperatorActor, input: ListResourceDelegatesInput): Promise<Page<ResourceDelegateSummary>> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const resource = await requireResource(db, org.id, input.resourceId);
  const scope = JSON.stringify(['resource-delegates', org.id, resource.id]);
  const after = cursorKey(scope, input.cursor, DelegateKey);
  const rows = await listResourceDelegatesPage(db, { organizationId: org.id, resourceId: resource.id, after: after?.[0] ?? null, limit: input.limit + 1 });
  return pageOf(rows, input.limit, scope, (row) => [row.id]);
}
