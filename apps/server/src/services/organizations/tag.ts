import { failIf } from '@mailyard/core/errors';
import { tagLimitRefusal, type Tag, type TagOrganizationInput } from '@mailyard/core/organizations';
import { inTransaction } from '@mailyard/db';
import { listOrganizationTags, upsertOrganizationTags } from '@mailyard/db/queries/organization-tags';
import { lockOrganizationLimits } from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from './require.ts';

/**
 * Adds tags to an Active organization (WorkMail's TagResource); a key it already has gets the new value. The
 * organization's limits are locked for the change, so two requests at once cannot together pass the 50-tag limit.
 * Returns the organization's tags afterwards.
 */
export async function tagOrganization(deps: Deps, actor: OperatorActor, input: TagOrganizationInput): Promise<Tag[]> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    await lockOrganizationLimits(tx, org.id);
    const existing = await listOrganizationTags(tx, org.id);
    failIf(tagLimitRefusal(existing.map((t) => t.key), input.tags));
    await upsertOrganizationTags(tx, org.id, input.tags, now);
    const replaced = existing.filter((t) => input.tags.some((n) => n.key === t.key));
    await recordAudit(
      tx,
      actor,
      {
        action: 'organization.tag',
        organizationId: org.id,
        target: { type: 'organization', id: org.id, label: org.alias },
        ...(replaced.length ? { before: { tags: replaced } } : {}),
        after: { tags: input.tags },
      },
      now,
    );
    return listOrganizationTags(tx, org.id);
  });
}
