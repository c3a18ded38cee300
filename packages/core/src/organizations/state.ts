/** Organization states as the WorkMail console and API spell them (title case). */
export const organizationStates = [
  'Requested',
  'Creating',
  'Active',
  'Validating',
  'Impaired',
  'Failed',
  'Inactive',
  'Deleting',
  'Deleted',
] as const;
export type OrganizationState = (typeof organizationStates)[number];

export type OrganizationEvent =
  | 'start' // the workflow picked up the request
  | 'provisioned' // every creation step finished
  | 'fail' // a creation step could not finish
  | 'validate' // a health check starts
  | 'healthy' // the health check passed (also: an Impaired organization's directory answers again)
  | 'impair' // a problem was detected
  | 'deactivate'
  | 'reactivate'
  | 'delete'
  | 'deleted';

const transitions: Record<OrganizationEvent, Partial<Record<OrganizationState, OrganizationState>>> = {
  start: { Requested: 'Creating' },
  provisioned: { Creating: 'Active' },
  fail: { Requested: 'Failed', Creating: 'Failed' },
  validate: { Active: 'Validating', Impaired: 'Validating' },
  healthy: { Validating: 'Active', Impaired: 'Active' },
  impair: { Active: 'Impaired', Validating: 'Impaired' },
  deactivate: { Active: 'Inactive', Impaired: 'Inactive' },
  reactivate: { Inactive: 'Active' },
  delete: { Active: 'Deleting', Impaired: 'Deleting', Inactive: 'Deleting', Failed: 'Deleting' },
  deleted: { Deleting: 'Deleted' },
};

/**
 * The states in which an organization's mail keeps flowing — delivery, aliases, sign-in at the mail servers: a health
 * check running (Validating) or a problem found (Impaired, such as its directory not answering) must not bounce mail
 * or lock people out of their mailboxes; deactivation and deletion stop it. The mailserver views ask the SQL twin,
 * `organization_serves_mail` (migration 0019), which a db test compares state by state.
 */
export const MAIL_SERVING_STATES: readonly OrganizationState[] = ['Active', 'Validating', 'Impaired'];
export const servesMail = (state: OrganizationState): boolean => MAIL_SERVING_STATES.includes(state);

/** The state after `event`, or `null` when the event is not allowed in `state`. */
export function nextOrganizationState(state: OrganizationState, event: OrganizationEvent): OrganizationState | null {
  return transitions[event][state] ?? null;
}

export const organizationEvents = Object.keys(transitions) as OrganizationEvent[];

/** What the seed says each state means, shown beside the status indicator. */
export const organizationStateDescriptions: Record<OrganizationState, string> = {
  Active: 'Your organization is healthy and ready for use.',
  Creating: 'A workflow is running to create your organization.',
  Failed: 'Your organization could not be created.',
  Impaired: 'Your organization is malfunctioning or an issue has been detected.',
  Inactive: 'Your organization is inactive.',
  Requested: 'Your organization creation request is in the queue and waiting to be created.',
  Validating: 'All settings for the organization are being health-checked.',
  Deleting: 'Your organization is being deleted.',
  Deleted: 'Your organization has been deleted.',
};

/** Users, groups and domains can be managed only in an Active organization. */
export const isOperational = (state: OrganizationState) => state === 'Active';

/** A state the workflow will still move on from by itself (the UI keeps polling). */
export const isTransient = (state: OrganizationState) =>
  state === 'Requested' || state === 'Creating' || state === 'Validating' || state === 'Deleting';
