import type { AddressOrigin } from '../addresses/models.ts';
import type { UsageState } from '../mailboxes/quota.ts';

/** What the portal shows of the signed-in user (`portal.me`). */
export interface MyAccount {
  userId: string;
  name: string;
  displayName: string;
  primaryEmail: string | null;
  organizationAlias: string;
  /** Browsers signed in to the portal as this user, this one included. */
  sessions: number;
  recovery: {
    /** The verified recovery address, or null. */
    email: string | null;
    verifiedAt: Date | null;
    /** An address waiting for its code. */
    pendingEmail: string | null;
    pendingExpiresAt: Date | null;
  };
}

/** How full the user's mailbox is (`portal.mailbox`). */
export interface MyMailbox {
  quotaMb: number;
  usageBytes: number;
  usageMb: number;
  /** Whole percent of the quota in use (may exceed 100 when the quota was lowered below the usage). */
  usagePercent: number;
  /** `warning` from 90 %, `full` at the quota. */
  usageState: UsageState;
  warningPercent: number;
  usageReportedAt: Date | null;
}

/** The user's addresses and what the organization lets them add (`portal.aliases.list`). */
export interface MyAddresses {
  primary: string | null;
  aliases: { address: string; origin: AddressOrigin; createdAt: Date }[];
  policy: {
    allowed: boolean;
    /** The domains the user can pick for a new alias now (the policy's, among the organization's verified ones). */
    domains: string[];
    maxPerUser: number;
    localPartPattern: string | null;
    /** How many more the user may add. */
    remaining: number;
  };
}
