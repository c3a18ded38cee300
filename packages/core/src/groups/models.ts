import type { EntityState, MemberType } from '../entities/state.ts';

/** A row of the groups list (WorkMail's Group). */
export interface GroupSummary {
  id: string;
  name: string;
  /** The primary address; `null` until the group is enabled. */
  email: string | null;
  state: EntityState;
  hiddenFromGlobalAddressList: boolean;
  enabledAt: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface GroupDetail extends GroupSummary {
  updatedAt: Date;
}

/** A row of a group's members (WorkMail's Member). */
export interface GroupMemberSummary {
  id: string;
  type: MemberType;
  name: string;
  email: string | null;
  state: EntityState;
  enabledAt: Date | null;
  disabledAt: Date | null;
}
