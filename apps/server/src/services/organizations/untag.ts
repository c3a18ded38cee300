import type { Tag, UntagOrganizationInput } from '@mailyard/core/organizations';
import { inTransaction } from '@mailyard/db';
import { deleteOrganizationTags, listOrganizationTags } from '@mailyard/db/queries/organization-tags';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from './require.ts';

/**
 * Removes tags from an Active organization by key (WorkMail's UntagResource). A key it does not have is no error;
 * when none of them were there nothing changes and nothing is audited. Returns the organization's tags afterwards.
 */
export async function untagOrganization(deps: Deps, actor: OperatorActor, input: UntagOrganizationInput): Promise<Tag[]> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const removed = await deleteOrganizationTags(tx, org.id, input.keys);
    if (removed.length) {
      await recordAudit(
        tx,
        actor,
        { action: 'organization.untag', organizationId: org.id, target: { type: 'organization', id: org.id, label: org.alias }, before: { tags: removed } },
        now,
      );
    }
    return listOrganizationTags(tx, org.id);
  });
}
