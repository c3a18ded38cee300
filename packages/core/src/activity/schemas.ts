import { z } from 'zod';
import { entityId } from '../entities/ids.ts';
import { organizationId } from '../organizations/ids.ts';
import { pageInput } from '../pagination/cursor.ts';
import { text } from '../text/well-formed.ts';

const emptyToUndefined = (s: string) => (s === '' ? undefined : s);

/** Who acted and what: the filters of both Activity views. */
const eventFilters = {
  /** A prefix of who acted (an operator's email, a user's address, `Mailyard` for the system), without case. */
  actor: text().trim().max(254, 'Actor filter must be at most 254 characters.').transform(emptyToUndefined).optional(),
  /** A prefix of the action, e.g. `user.` or `device.wipe`. */
  action: text()
    .trim()
    .max(64, 'Action filter must be at most 64 characters.')
    .regex(/^[a-z_.]*$/, 'Action filter may contain only lower-case letters, dots and underscores.')
    .transform(emptyToUndefined)
    .optional(),
};

/** An organization's audit events, or one user's or group's, under the filters. */
const activityFilters = {
  organizationId,
  /** A user or group id: only the events about it. */
  targetId: entityId.optional(),
  ...eventFilters,
};

/** The Activity view: an organization's audit events, or one user's or group's, newest first. */
export const ListActivityInput = z.object({ ...activityFilters, ...pageInput });
export type ListActivityInput = z.infer<typeof ListActivityInput>;

/** How many events the Activity view holds under the same filters. */
export const CountActivityInput = z.object(activityFilters);
export type CountActivityInput = z.infer<typeof CountActivityInput>;

export interface ActivityEvent {
  id: number;
  /** operator | user | system */
  actorType: string;
  actorLabel: string;
  /** The credential used: session, api_token:<id>, activesync, … */
  via: string | null;
  action: string;
  targetType: string;
  targetId: string;
  targetLabel: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
}

/**
 * The account's Activity: every event of the operator's account, newest first — its organizations' changes and the
 * account's own (access keys, API tokens, operator sign-ins, which belong to no organization).
 */
export const ListAccountActivityInput = z.object({ ...eventFilters, ...pageInput });
export type ListAccountActivityInput = z.infer<typeof ListAccountActivityInput>;

/** How many events the account's Activity holds under the same filters. */
export const CountAccountActivityInput = z.object(eventFilters);
export type CountAccountActivityInput = z.infer<typeof CountAccountActivityInput>;

export interface AccountActivityEvent extends ActivityEvent {
  /** `null` for the account's own events. */
  organizationId: string | null;
}
