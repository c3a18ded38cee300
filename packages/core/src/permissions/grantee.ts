import { entityNotFound } from '../entities/reference.ts';
import type { EntityState, MemberType } from '../entities/state.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';

export interface GranteeFacts {
  id: string;
  type: MemberType;
  name: string;
  state: EntityState;
}

/**
 * Why `grantee` cannot get permissions on `ownerId`'s mailbox, or `null`. Pass `null` for a grantee that is not
 * found in the mailbox's organization: another organization's entity is "not found", never "forbidden".
 */
export function granteeProblem({ ownerId, grantee }: { ownerId: string; grantee: GranteeFacts | null }): Refusal | null {
  if (!grantee) return entityNotFound('granteeId');
  if (grantee.id.toLowerCase() === ownerId.toLowerCase()) {
    return refusal('PERMISSION.GRANTEE_INVALID', 'The mailbox owner already has every permission on their own mailbox.', {
      field: 'granteeId',
    });
  }
  if (grantee.state !== 'ENABLED') {
    const noun = grantee.type === 'GROUP' ? 'Group' : 'User';
    return refusal('PERMISSION.GRANTEE_INVALID', `${noun} "${grantee.name}" is not enabled and cannot be given permissions.`, {
      field: 'granteeId',
      state: grantee.state,
    });
  }
  return null;
}
