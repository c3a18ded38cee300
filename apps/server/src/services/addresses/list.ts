import type { EntityAddress } from '@mailyard/core/addresses';
import type { MemberType } from '@mailyard/core/entities';
import type { Db } from '@mailyard/db';
import { listEntityAddresses } from '@mailyard/db/queries/addresses';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { requireAddressHolder } from './holder.ts';

/**
 * A user's or group's addresses, the primary first, then the aliases alphabetically. At most 101 (one primary, 100
 * aliases), so one answer holds them all.
 */
export async function listAddresses(
  db: Db,
  actor: OperatorActor,
  input: { organizationId: string; entityId: string },
  kinds: readonly MemberType[],
): Promise<EntityAddress[]> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const holder = await requireAddressHolder(db, org.id, input.entityId, { kinds });
  const rows = await listEntityAddresses(db, { organizationId: org.id, entityId: holder.id });
  return rows.map(({ address, isPrimary, createdAt }) => ({ address, isPrimary, createdAt }));
}
