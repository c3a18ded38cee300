import type { EntityState, MemberType } from '../entities/state.ts';
import type { PermissionType } from './types.ts';

/** One grantee's permissions on a mailbox (WorkMail's Permission), with what the console shows of the grantee. */
export interface MailboxPermissionSummary {
  granteeId: string;
  granteeType: MemberType;
  granteeName: string;
  granteeEmail: string | null;
  granteeState: EntityState;
  permissions: PermissionType[];
  updatedAt: Date;
}
