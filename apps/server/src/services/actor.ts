/** Who performs an operation, and through which credential. Every service takes one; audit events record it. */
export type Actor = OperatorActor | UserActor | SystemActor;

export interface OperatorActor {
  type: 'operator';
  operatorId: string;
  accountId: string;
  label: string;
  /** `session`, `api_token:<id>` or `access_key:<id>`. */
  via: string;
  readOnly: boolean;
  /** `null` = every organization of the account; otherwise the only ones this credential reaches. */
  organizationIds: string[] | null;
}

export interface UserActor {
  type: 'user';
  /** The account that owns the user's organization, so the user's own changes appear in the account's activity. */
  accountId: string;
  organizationId: string;
  userId: string;
  label: string;
  via: string;
}

export interface SystemActor {
  type: 'system';
  label: string;
}

export const systemActor: SystemActor = { type: 'system', label: 'Mailyard' };
