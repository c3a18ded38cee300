import { z } from 'zod';
import { refusal, type Refusal } from '../errors/refusal.ts';

/** How a resource answers booking requests (WorkMail's BookingOptions). */
export interface BookingOptions {
  /** The resource accepts requests by itself; without it, its delegates answer them. */
  autoAcceptRequests: boolean;
  autoDeclineRecurringRequests: boolean;
  autoDeclineConflictingRequests: boolean;
}

/** A new resource's options, as WorkMail's console sets them: it accepts requests, declining conflicting ones. */
export const DEFAULT_BOOKING_OPTIONS: BookingOptions = {
  autoAcceptRequests: true,
  autoDeclineRecurringRequests: false,
  autoDeclineConflictingRequests: true,
};

/** A change of some options: those left out keep their value. */
export const BookingOptionsPatch = z.object({
  autoAcceptRequests: z.boolean().optional(),
  autoDeclineRecurringRequests: z.boolean().optional(),
  autoDeclineConflictingRequests: z.boolean().optional(),
});
export type BookingOptionsPatch = z.infer<typeof BookingOptionsPatch>;

/**
 * A resource must answer requests: by itself (`autoAcceptRequests`) or through at least one delegate (WorkMail's
 * InvalidConfigurationException). Checked when the options change and when a delegate is removed.
 */
export function bookingRefusal(options: Pick<BookingOptions, 'autoAcceptRequests'>, delegates: number, field: string): Refusal | null {
  if (options.autoAcceptRequests || delegates > 0) return null;
  return refusal(
    'RESOURCE.NEEDS_DELEGATE',
    'A resource that does not accept requests automatically needs at least one delegate to answer them: add a delegate first, or keep automatic acceptance on.',
    { field },
  );
}
