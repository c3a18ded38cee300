import type { UserAddress, UserRef } from '@mailyard/core/users';
import type { Db } from '@mailyard/db';
import { listEntityAddresses } from '@mailyard/db/queries/addresses';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/access.ts';
import { requireUser } from './access.ts';

/**
 * A user's addresses, the primary first, then the aliases alphabetically. At most 101 (one primary, 100 aliases),
 * so one answer holds them all.
 */
export async function listUserAddresses(db: Db, actor: OperatorActor, input: UserRef): Promise<UserAddress[]> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const user = await requireUser(db, org.id, input.userId);
  const rows = await listEntityAddresses(db, { organizationId: org.id, entityId: user.id });
  return rows.map(({ address, isPrimary, createdAt }) => ({ address, isPrimary, createdAt }));
}
