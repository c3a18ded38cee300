import { normalizeDeviceId } from '@mailyard/core/devices';
import { fail } from '@mailyard/core/errors';
import type { MobileDeviceAccessOverrideRef } from '@mailyard/core/mobile-access';
import type { Db } from '@mailyard/db';
import type { OverrideKey } from '@mailyard/db/queries/mobile-access';
import type { OperatorActor } from '../actor.ts';
import type { AuditEntry } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { requireUser, userTarget } from '../users/require.ts';

/**
 * The user and device an override names, in an Active organization the actor reaches: an override is kept under the
 * user (a deleted user has none to get; WorkMail's EntityStateException), and its changes show in the user's activity.
 */
export async function overrideFrame(
  db: Db,
  actor: OperatorActor,
  ref: MobileDeviceAccessOverrideRef,
  options: { liveUser?: boolean } = {},
): Promise<{ key: OverrideKey; audit: Pick<AuditEntry, 'organizationId' | 'target'> }> {
  const org = await requireActiveOrganization(db, actor, ref.organizationId);
  const user = await requireUser(db, org.id, ref.userId);
  if (options.liveUser && user.state === 'DELETED') {
    fail('USER.INVALID_STATE', `User ${user.name} is deleted: its devices can have no override.`, { field: 'userId', state: user.state });
  }
  return {
    key: { organizationId: org.id, userId: user.id, deviceId: normalizeDeviceId(ref.deviceId) },
    audit: { organizationId: org.id, target: userTarget(user) },
  };
}
