import type { AccessControlRule } from '@mailyard/core/access-control';
import type { Db } from '@mailyard/db';
import { listAccessControlRules } from '@mailyard/db/queries/access-control-rules';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';

/** The organization's access control rules, oldest first. */
export async function listAccessRules(db: Db, actor: OperatorActor, organizationId: string): Promise<AccessControlRule[]> {
  const org = await requireOrganization(db, actor, organizationId);
  return listAccessControlRules(db, org.id);
}
