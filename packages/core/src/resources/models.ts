import type { EntityState, MemberType } from '../entities/state.ts';
import type { BookingOptions } from './booking.ts';
import type { ResourceType } from './schemas.ts';

/** A row of the resources list (WorkMail's Resource). `id` is WorkMail's `r-…` form. */
export interface ResourceSummary {
  id: string;
  name: string;
  type: ResourceType;
  description: string | null;
  /** The primary address; `null` until the resource is enabled. */
  email: string | null;
  state: EntityState;
  enabledAt: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface ResourceDetail extends ResourceSummary {
  bookingOptions: BookingOptions;
  hiddenFromGlobalAddressList: boolean;
  updatedAt: Date;
}

/** A user or group answering a resource's requests (WorkMail's Delegate, with what the console shows of it). */
export interface ResourceDelegateSummary {
  id: string;
  type: MemberType;
  name: string;
  email: string | null;
  state: EntityState;
}
