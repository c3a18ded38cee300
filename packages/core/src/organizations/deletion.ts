import type { EntityState } from '../entities/state.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';
import type { UserRole } from '../users/roles.ts';
import { nextOrganizationState, type OrganizationState } from './state.ts';

export interface OrganizationDeletionFacts {
  id: string;
  state: OrganizationState;
  /** Enabled users other than system users. */
  enabledUsers: number;
  /** WorkMail's ForceDelete: delete even while users are enabled. */
  force: boolean;
}

/** The users that count in `enabledUsers`: enabled ones other than system users (postmaster stays enabled). */
export const blocksOrganizationDeletion = (user: { state: EntityState; role: UserRole }): boolean => user.state === 'ENABLED' && user.role !== 'SYSTEM_USER';

/** A deletion already asked for or finished: asking again changes nothing and answers the current state. */
export const isDeletionUnderway = (state: OrganizationState) => state === 'Deleting' || state === 'Deleted';

/**
 * Why the organization may not be deleted now, or `null`. An organization still being created or checked cannot
 * be deleted (wait until it settles); one with enabled users needs ForceDelete, so a mistyped id does not wipe
 * the mailboxes of people still using them.
 */
export function deletionRefusal(o: OrganizationDeletionFacts): Refusal | null {
  if (nextOrganizationState(o.state, 'delete') === null) {
    return refusal('ORGANIZATION.INVALID_TRANSITION', `Organization ${o.id} is not Active, state: ${o.state}`, { state: o.state });
  }
  if (o.enabledUsers > 0 && !o.force) {
    return refusal(
      'ORGANIZATION.HAS_ENABLED_USERS',
      `Organization ${o.id} has ${o.enabledUsers} enabled user${o.enabledUsers === 1 ? '' : 's'}: disable them first, or delete with ForceDelete.`,
      { field: 'forceDelete', enabledUsers: o.enabledUsers },
    );
  }
  return null;
}
